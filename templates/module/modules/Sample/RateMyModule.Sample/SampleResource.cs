namespace RateMyModule.Sample;

/// <summary>Names the Sample module's texts (Localization/Resources/{culture}.json).</summary>
public sealed class SampleResource;
