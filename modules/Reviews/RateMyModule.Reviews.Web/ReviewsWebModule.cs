using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Framework.Menus;
using RateMyModule.Framework.Modularity;
using RateMyModule.Reviews.Web.Links;

namespace RateMyModule.Reviews.Web;

/// <summary>The module page, the review form, reporting and the moderation pages.</summary>
[DependsOn(typeof(ReviewsModule))]
public sealed class ReviewsWebModule : AppModule
{
    public override Task ConfigureServicesAsync(ServiceConfigurationContext context)
    {
        context.Services.AddModuleApplicationPart(typeof(ReviewsWebModule).Assembly);
        context.Services.AddMenuContributor<ReviewsMenuContributor>();
        context.Services.AddScoped<ModuleLinks>();
        return Task.CompletedTask;
    }

    public override Task OnApplicationInitializationAsync(ApplicationInitializationContext context)
    {
        // Endpoints join the app's route table whatever the initialisation order; the DbMigrator has no app to map on.
        if (context.Application is IEndpointRouteBuilder endpoints)
        {
            endpoints.MapReviewsApi();
            endpoints.MapReviewsWriteApi();
        }

        return Task.CompletedTask;
    }
}
