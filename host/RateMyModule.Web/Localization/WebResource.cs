namespace RateMyModule.Web.Localization;

/// <summary>Marker of the host's own texts (layout, home, error pages) in <c>Localization/Resources</c>.</summary>
public sealed class WebResource;
