using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Courses.Application;
using RateMyModule.Courses.Data;
using RateMyModule.Courses.Domain;
using RateMyModule.Courses.Domain.PublicSuffixes;
using RateMyModule.Courses.Import;
using RateMyModule.Courses.Permissions;
using RateMyModule.Courses.Seeding;
using RateMyModule.Framework;
using RateMyModule.Framework.Auditing;
using RateMyModule.Framework.BackgroundJobs;
using RateMyModule.Framework.Data;
using RateMyModule.Framework.Localization;
using RateMyModule.Framework.Modularity;
using RateMyModule.Framework.Permissions;
using RateMyModule.Framework.Seeding;

namespace RateMyModule.Courses;

/// <summary>The catalogue: universities, courses and modules.</summary>
[DependsOn(typeof(FrameworkModule))]
public sealed class CoursesModule : AppModule
{
    public override Task ConfigureServicesAsync(ServiceConfigurationContext context)
    {
        var services = context.Services;
        services.AddModuleDbContext<CoursesDbContext>(CoursesDbContext.Name);
        services.AddJsonLocalizationResource<CoursesResource>(typeof(CoursesResource).Assembly);
        services.AddPermissionDefinitions<CoursesPermissionDefinitionProvider>();
        services.AddScoped<IDataSeedContributor, CoursesDemoDataSeedContributor>();
        services.Configure<AuditingOptions>(o =>
        {
            o.AuditedEntityTypes.Add(typeof(University));
            o.AuditedEntityTypes.Add(typeof(Course));
            o.AuditedEntityTypes.Add(typeof(Module));
            o.AuditedEntityTypes.Add(typeof(ModuleCourse));
        });

        services.AddSingleton<PublicSuffixList>();
        services.AddScoped<CatalogueAccess>();
        services.AddScoped<CatalogueHistory>();
        services.AddScoped<UniversityAppService>();
        services.AddScoped<CourseAppService>();
        services.AddScoped<ModuleAppService>();
        services.AddScoped<ICatalogueLookup, CatalogueLookup>();
        services.AddScoped<CatalogueBrowser>();
        services.AddScoped<CatalogueImportApplier>();
        services.AddScoped<CatalogueImportService>();
        services.AddBackgroundJob<CatalogueImportJob, CatalogueImportArgs>();
        return Task.CompletedTask;
    }
}
