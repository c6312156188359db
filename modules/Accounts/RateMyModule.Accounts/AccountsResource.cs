namespace RateMyModule.Accounts;

/// <summary>Marker of the Accounts module's texts (<c>Localization/Resources/{culture}.json</c>).</summary>
public sealed class AccountsResource;
