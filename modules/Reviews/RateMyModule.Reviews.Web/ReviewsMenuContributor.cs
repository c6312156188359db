using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using RateMyModule.Framework.Menus;
using RateMyModule.Framework.Users;

namespace RateMyModule.Reviews.Web;

/// <summary>Moderation and tag pages in the admin menu, for those granted them; "My reviews" in a signed-in user's account menu.</summary>
public sealed class ReviewsMenuContributor : IMenuContributor
{
    public Task ConfigureMenuAsync(MenuConfigurationContext context)
    {
        if (context.MenuName is StandardMenus.Account)
        {
            if (context.Services.GetRequiredService<ICurrentUser>().IsAuthenticated)
            {
                var texts = context.Services.GetRequiredService<IStringLocalizer<ReviewsResource>>();
                context.Items.Add(new MenuItem("Reviews.MyReviews", texts["My reviews"], "/Account/Manage/Reviews") { Order = 10 });
            }

            return Task.CompletedTask;
        }

        if (context.MenuName is not (StandardMenus.Admin or StandardMenus.Main))
        {
            return Task.CompletedTask;
        }

        var localizer = context.Services.GetRequiredService<IStringLocalizer<ReviewsResource>>();
        context.Items.Add(new MenuItem("Reviews.Moderation", localizer["Moderation"], "/Admin/Moderation")
        {
            Order = 500,
            RequiredPermission = ReviewsPermissions.Moderate,
        });
        if (context.MenuName == StandardMenus.Admin)
        {
            context.Items.Add(new MenuItem("Reviews.AdminReviews", localizer["Reviews"], "/Admin/Reviews")
            {
                Order = 502,
                RequiredPermission = ReviewsPermissions.Moderate,
            });
            context.Items.Add(new MenuItem("Reviews.Reports", localizer["Reports"], "/Admin/Reports")
            {
                Order = 504,
                RequiredPermission = ReviewsPermissions.Moderate,
            });
            context.Items.Add(new MenuItem("Reviews.Tags", localizer["Tags"], "/Admin/Moderation/Tags")
            {
                Order = 510,
                RequiredPermission = ReviewsPermissions.ManageTags,
            });
        }

        return Task.CompletedTask;
    }
}
