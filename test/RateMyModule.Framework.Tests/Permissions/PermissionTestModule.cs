using System.Data.Common;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Framework.Data;
using RateMyModule.Framework.Menus;
using RateMyModule.Framework.Modularity;
using RateMyModule.Framework.Permissions;
using RateMyModule.TestBase;

namespace RateMyModule.Framework.Tests.Permissions;

/// <summary>A feature module as a real one would be: its permissions, its menu items, one ordinary policy.</summary>
[DependsOn(typeof(FrameworkModule))]
public sealed class PermissionTestModule : AppModule
{
    public const string ClaimPolicy = "HasBadge";

    public override Task ConfigureServicesAsync(ServiceConfigurationContext context)
    {
        context.Services.AddPermissionDefinitions<CataloguePermissionDefinitionProvider>();
        context.Services.AddPermissionDefinitions<ModerationPermissionDefinitionProvider>();
        context.Services.AddMenuContributor<TestMenuContributor>();
        context.Services.AddAuthorization(o => o.AddPolicy(ClaimPolicy, p => p.RequireClaim("badge")));
        return Task.CompletedTask;
    }
}

public static class TestPermissions
{
    public const string Modules = "Catalogue.Modules";
    public const string ModulesEdit = "Catalogue.Modules.Edit";
    public const string ModulesDelete = "Catalogue.Modules.Delete";
    public const string Reports = "Moderation.Reports";

    /// <summary>A role that gets <see cref="ModulesEdit"/> by default.</summary>
    public const string EditorRole = "Editor";
}

public sealed class CataloguePermissionDefinitionProvider : IPermissionDefinitionProvider
{
    public void Define(PermissionDefinitionContext context)
    {
        var group = context.AddGroup("Catalogue");
        var modules = group.AddPermission(TestPermissions.Modules, "Catalogue:Permission:Modules");
        modules.AddChild(TestPermissions.ModulesEdit).GrantByDefaultTo(TestPermissions.EditorRole);
        modules.AddChild(TestPermissions.ModulesDelete);
    }
}

public sealed class ModerationPermissionDefinitionProvider : IPermissionDefinitionProvider
{
    public void Define(PermissionDefinitionContext context)
        => context.AddGroup("Moderation", displayNameKey: "Moderation:Permissions").AddPermission(TestPermissions.Reports);
}

public sealed class TestMenuContributor : IMenuContributor
{
    public Task ConfigureMenuAsync(MenuConfigurationContext context)
    {
        if (context.MenuName == StandardMenus.Admin)
        {
            context.Items.Add(new MenuItem("Jobs", "Jobs", "/Admin/Jobs"));
            return Task.CompletedTask;
        }

        if (context.MenuName != StandardMenus.Main)
        {
            return Task.CompletedTask;
        }

        context.Items.Add(new MenuItem("Zebra", "Zebra", "/zebra") { Order = 10 });
        context.Items.Add(new MenuItem("Apple", "Apple", "/apple") { Order = 10 });
        context.Items.Add(new MenuItem("Home", "Home", "/") { Order = 0 });

        var catalogue = new MenuItem("Catalogue", "Catalogue", "") { Order = 5 };
        catalogue.Items.Add(new MenuItem("Catalogue.Browse", "Browse", "/catalogue") { Order = 3 });
        catalogue.Items.Add(new MenuItem("Catalogue.Edit", "Edit", "/catalogue/edit") { Order = 2, RequiredPermission = TestPermissions.ModulesEdit });
        catalogue.Items.Add(new MenuItem("Catalogue.Delete", "Delete", "/catalogue/delete") { Order = 1, RequiredPermission = TestPermissions.ModulesDelete });
        context.Items.Add(catalogue);

        var moderation = new MenuItem("Moderation", "Moderation", "") { Order = 20 };
        moderation.Items.Add(new MenuItem("Moderation.Reports", "Reports", "/moderation/reports") { RequiredPermission = TestPermissions.Reports });
        context.Items.Add(moderation);

        // A hidden parent hides its children, even those that need no permission.
        var secret = new MenuItem("Secret", "Secret", "/secret") { Order = 30, RequiredPermission = TestPermissions.Reports };
        secret.Items.Add(new MenuItem("Secret.Child", "Child", "/secret/child"));
        context.Items.Add(secret);
        return Task.CompletedTask;
    }
}

/// <summary>The queries one scope's FrameworkDbContext sent to the grants table.</summary>
public sealed class PermissionGrantQueryCounter
{
    public int Count { get; private set; }

    internal void Add() => Count++;
}

/// <summary>Adds each query to the grants table to the counter of the scope whose context sent it.</summary>
public sealed class PermissionGrantQueryCounting : DbCommandInterceptor
{
    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Observe(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Observe(command, eventData);
        return ValueTask.FromResult(result);
    }

    private static void Observe(DbCommand command, CommandEventData eventData)
    {
        if (command.CommandText.Contains("FwPermissionGrants", StringComparison.Ordinal)
            && eventData.Context is { } context && ModuleDbContextScope.Find(context) is { } scope)
        {
            scope.GetRequiredService<PermissionGrantQueryCounter>().Add();
        }
    }
}

/// <summary>One host over one SQLite file per test class; the FrameworkDbContext gets a per-scope query counter.</summary>
public sealed class PermissionHostFixture : IAsyncLifetime
{
    public ModuleTestHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
        => Host = await ModuleTestHost.StartAsync<PermissionTestModule>(services =>
        {
            services.AddScoped<PermissionGrantQueryCounter>();
            var original = services.Single(d => d.ServiceType == typeof(DbContextOptions<FrameworkDbContext>));
            services.Remove(original);
            // The options are shared by every scope (contexts are pooled), so the interceptor finds the counter of
            // the scope the context serves.
            services.AddSingleton(sp => new DbContextOptionsBuilder<FrameworkDbContext>((DbContextOptions<FrameworkDbContext>)original.ImplementationFactory!(sp))
                .AddInterceptors(new PermissionGrantQueryCounting())
                .Options);
        });

    public async Task DisposeAsync() => await Host.DisposeAsync();

    public Task<T> QueryAsync<T>(Func<IServiceProvider, Task<T>> work) => Host.ScopeAsync(work);

    public Task GrantAsync(string role, params string[] permissions) => Host.ScopeAsync(async sp =>
    {
        var store = sp.GetRequiredService<PermissionGrantStore>();
        foreach (var permission in permissions)
        {
            await store.GrantAsync(role, permission);
        }
    });
}

public static class TestUsers
{
    public static ClaimsPrincipal InRoles(params string[] roles)
        => new(new ClaimsIdentity(
            roles.Select(r => new Claim(ClaimTypes.Role, r)).Append(new Claim(ClaimTypes.Name, "tester")),
            authenticationType: "Test"));
}
