using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using netDumbster.smtp;
using RateMyModule.Courses;
using RateMyModule.Framework.Events;
using RateMyModule.TestBase;

namespace RateMyModule.Accounts.Tests.Infrastructure;

/// <summary>
/// The real host with the test catalogue, a real SMTP server on loopback that the app sends to, and the job worker
/// running, so a test sees the email the app really sent.
/// </summary>
public class AccountsAppFactory : WebAppFactory
{
    public SimpleSmtpServer Smtp { get; } = Configuration.Configure().WithRandomPort().Build();

    public RecordingDeletedHandler.Log Deleted { get; } = new();

    protected virtual IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>();

    /// <summary>
    /// Settings the modules read while their services are registered (which providers exist): these must reach the
    /// entry point's own configuration, which <see cref="Settings"/> (applied when the host is built) does not.
    /// </summary>
    protected virtual IDictionary<string, string> StartupSettings => new Dictionary<string, string>();

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = new Dictionary<string, string?>
            {
                ["EMAIL_HOST"] = "127.0.0.1",
                ["EMAIL_PORT"] = Smtp.Configuration.Port.ToString(CultureInfo.InvariantCulture),
                ["EMAIL_USE_SSL"] = "false",
                ["BackgroundJobs:IsEnabled"] = "true",
                ["BackgroundJobs:PollInterval"] = "00:00:00.100",
                ["Accounts:SignInPermitLimit"] = "1000",
                ["ADMIN_EMAIL"] = "root@admin.ratemymodule.app",
                ["ADMIN_PASSWORD"] = "Keeper-pass-2026",
            };
            foreach (var (key, value) in ExtraSettings)
            {
                settings[key] = value;
            }

            return settings;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in StartupSettings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<ICatalogueLookup>();
            services.AddSingleton<ICatalogueLookup, TestCatalogue>();
            services.AddSingleton(Deleted);
            services.AddLocalEventHandler<AccountDeletedEvent, RecordingDeletedHandler>();
            services.AddScoped<IPersonalDataContributor, TestReviewsData>();
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Smtp.Dispose();
        }
    }
}

/// <summary>Stands in for another module that removes what a deleted user made.</summary>
public sealed class RecordingDeletedHandler(RecordingDeletedHandler.Log log) : ILocalEventHandler<AccountDeletedEvent>
{
    public Task HandleEventAsync(AccountDeletedEvent eventData, CancellationToken cancellationToken)
    {
        log.UserIds.Add(eventData.UserId);
        return Task.CompletedTask;
    }

    public sealed class Log
    {
        public System.Collections.Concurrent.ConcurrentBag<Guid> UserIds { get; } = [];
    }
}

/// <summary>Stands in for another module's section of "download my data".</summary>
public sealed class TestReviewsData : IPersonalDataContributor
{
    public string SectionName => "reviews";

    public Task<object> ExportAsync(Guid userId, CancellationToken cancellationToken)
        => Task.FromResult<object>(new[] { new { Text = "Great module", UserId = userId } });
}

public static class AccountsAppFactoryExtensions
{
    /// <summary>A confirmed account made directly, for tests that start after registration; a null password makes one like a sign-in provider's.</summary>
    public static async Task<Guid> CreateUserAsync(this AccountsAppFactory factory, string email, string? password, Guid? universityId, string role, params Guid[] courseIds)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var uow = scope.ServiceProvider.GetRequiredService<RateMyModule.Framework.Uow.UnitOfWork>();
        uow.Begin();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Users.AccountUser>>();
        var user = new Users.AccountUser { Id = Guid.NewGuid(), UserName = email, Email = email, EmailConfirmed = true, UniversityId = universityId };
        (await (password is null ? users.CreateAsync(user) : users.CreateAsync(user, password))).Succeeded.ShouldBeTrue();
        (await users.AddToRoleAsync(user, role)).Succeeded.ShouldBeTrue();
        if (courseIds.Length > 0)
        {
            await scope.ServiceProvider.GetRequiredService<Enrolments.EnrolmentService>().SetCoursesAsync(user.Id, courseIds);
        }

        await uow.CompleteAsync();
        return user.Id;
    }

    /// <summary>A client signed in through the real sign-in form (so the real cookie is used).</summary>
    public static async Task<FormClient> SignInAsync(this AccountsAppFactory factory, string email, string password)
    {
        var client = new FormClient(factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));
        var response = await client.SubmitAsync(await client.GetPageAsync("/Account/Login"), new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
        return client;
    }
}
