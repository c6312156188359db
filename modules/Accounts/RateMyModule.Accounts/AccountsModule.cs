using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RateMyModule.Accounts.Administration;
using RateMyModule.Accounts.Data;
using RateMyModule.Accounts.Emailing;
using RateMyModule.Accounts.Enrolments;
using RateMyModule.Accounts.Options;
using RateMyModule.Accounts.Passwords;
using RateMyModule.Accounts.Permissions;
using RateMyModule.Accounts.PersonalData;
using RateMyModule.Accounts.Registration;
using RateMyModule.Accounts.Seeding;
using RateMyModule.Accounts.Sessions;
using RateMyModule.Accounts.Users;
using RateMyModule.Courses;
using RateMyModule.Framework;
using RateMyModule.Framework.BackgroundJobs;
using RateMyModule.Framework.Data;
using RateMyModule.Framework.Events;
using RateMyModule.Framework.Localization;
using RateMyModule.Framework.Modularity;
using RateMyModule.Framework.Permissions;
using RateMyModule.Framework.Seeding;

namespace RateMyModule.Accounts;

/// <summary>Accounts: Identity users and roles, university email rules, enrolment, account email, personal data.</summary>
[DependsOn(typeof(FrameworkModule))]
public sealed class AccountsModule : AppModule
{
    public override Task ConfigureServicesAsync(ServiceConfigurationContext context)
    {
        var services = context.Services;
        var configuration = context.Configuration;
        var contentRoot = context.Environment.ContentRootPath;
        services.AddModuleDbContext<AccountsDbContext>(AccountsDbContext.Name);
        services.AddJsonLocalizationResource<AccountsResource>(typeof(AccountsResource).Assembly);
        services.AddOptions<AccountOptions>().Configure(o => AccountOptions.Bind(o, configuration));
        services.AddOptions<EmailOptions>().Configure(o => EmailOptions.Bind(o, configuration, contentRoot));

        services.AddIdentity<AccountUser, AccountRole>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedEmail = true;
                // ASVS 2.1: length and a common-password list, not composition rules (which only make passwords predictable).
                o.Password.RequiredLength = PasswordRules.MinLength;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Tokens.EmailConfirmationTokenProvider = EmailConfirmationTokenProviderOptions.ProviderName;
                o.Tokens.ChangeEmailTokenProvider = EmailConfirmationTokenProviderOptions.ProviderName;
            })
            .AddEntityFrameworkStores<AccountsDbContext>()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<AccountPasswordValidator>()
            .AddTokenProvider<EmailConfirmationTokenProvider>(EmailConfirmationTokenProviderOptions.ProviderName)
            .AddClaimsPrincipalFactory<AccountClaimsPrincipalFactory>();
        services.AddOptions<IdentityOptions>().Configure<IOptions<AccountOptions>>((identity, accounts) =>
        {
            identity.Lockout.MaxFailedAccessAttempts = accounts.Value.MaxFailedAccessAttempts;
            identity.Lockout.DefaultLockoutTimeSpan = accounts.Value.LockoutDuration;
        });
        services.AddOptions<EmailConfirmationTokenProviderOptions>().Configure<IOptions<AccountOptions>>((tokens, accounts) =>
            tokens.TokenLifespan = TimeSpan.FromDays(accounts.Value.EmailConfirmationExpireDays));

        services.AddPermissionDefinitions<AccountsPermissionDefinitionProvider>();
        services.AddSingleton<DisposableDomainList>();
        services.AddSingleton<IEmailDomainRules, EmailDomainRules>();
        services.AddSingleton<CommonPasswordList>();
        services.AddMemoryCache();
        services.AddScoped<SignInTiming>();
        services.AddScoped<EmailAddressPolicy>();
        services.AddScoped<EnrolmentService>();
        services.AddScoped<AccountDeleter>();
        services.AddScoped<PreferredCultureRecorder>();
        services.AddLocalEventHandler<CultureChangedEvent, PreferredCultureRecorder>();
        services.AddLocalEventHandler<UniversityDeletedEvent, UniversityDeletedHandler>();
        services.AddScoped<UserAdministration>();
        services.AddScoped<RolePermissionAdministration>();
        services.AddScoped<PersonalDataExporter>();
        services.AddSingleton<SessionTicketStore>();
        services.AddScoped<AccountSessions>();
        services.AddScoped<AccountMailer>();
        services.AddScoped<IAccountLookup, AccountLookup>();
        services.AddScoped<IEmailRecipientLookup, AccountLookup>();
        services.AddScoped<IEmailQueue, EmailQueue>();
        services.AddBackgroundJob<SendEmailJob, SendEmailArgs>();
        services.AddScoped<IEmailSender>(sp =>
        {
            var email = sp.GetRequiredService<IOptions<EmailOptions>>().Value;
            // Without a host there is nowhere to send; production cannot get here (start-up validation requires one).
            var toFolder = email.ToConsole || string.IsNullOrWhiteSpace(email.Host);
            return toFolder
                ? ActivatorUtilities.CreateInstance<PickupFolderEmailSender>(sp)
                : ActivatorUtilities.CreateInstance<SmtpEmailSender>(sp);
        });

        services.AddScoped<IDataSeedContributor, AccountsDataSeedContributor>();
        return Task.CompletedTask;
    }
}
