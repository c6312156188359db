using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace RateMyModule.Accounts.Users;

/// <summary>Its own lifespan (<c>ACCOUNT_EMAIL_CONFIRMATION_EXPIRE_DAYS</c>), apart from password reset tokens.</summary>
public sealed class EmailConfirmationTokenProviderOptions : DataProtectionTokenProviderOptions
{
    public const string ProviderName = "AccountsEmailConfirmation";

    public EmailConfirmationTokenProviderOptions()
    {
        Name = ProviderName;
    }
}

public sealed class EmailConfirmationTokenProvider(
    IDataProtectionProvider dataProtectionProvider,
    IOptions<EmailConfirmationTokenProviderOptions> options,
    ILogger<DataProtectorTokenProvider<AccountUser>> logger)
    : DataProtectorTokenProvider<AccountUser>(dataProtectionProvider, options, logger);
