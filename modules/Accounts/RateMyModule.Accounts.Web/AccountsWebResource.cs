namespace RateMyModule.Accounts.Web;

/// <summary>
/// Maps this assembly to the Accounts texts, so validation messages and display names of the page models here
/// (looked up by their assembly) come from the same JSON files as <see cref="AccountsResource"/>.
/// </summary>
public sealed class AccountsWebResource;
