using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace RateMyModule.Accounts.Web.Filters;

/// <summary>Marks a page a student without a course may still see (account pages, error pages).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class AllowWithoutEnrolmentAttribute : Attribute;

/// <summary>
/// A signed-in student who has not picked a course is sent to pick one before any page that shows or writes
/// reviews: what they may review depends on it.
/// </summary>
public sealed class EnrolmentRequiredPageFilter(IAccountLookup accounts) : IAsyncPageFilter
{
    public const string CoursesPage = "/Account/Manage/Courses";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var user = context.HttpContext.User;
        var exempt = context.ActionDescriptor.ModelTypeInfo?.IsDefined(typeof(AllowWithoutEnrolmentAttribute), inherit: true) == true
            || context.ActionDescriptor.ViewEnginePath.StartsWith("/Account/", StringComparison.OrdinalIgnoreCase)
            || context.ActionDescriptor.ViewEnginePath.StartsWith("/Error", StringComparison.OrdinalIgnoreCase);
        if (!exempt && user.IsInRole(AccountRoles.Student)
            && Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)
            && (await accounts.GetEnrolledCourseIdsAsync(userId, context.HttpContext.RequestAborted)).Count == 0)
        {
            context.Result = new RedirectToPageResult(CoursesPage, new { returnUrl = context.HttpContext.Request.Path + context.HttpContext.Request.QueryString });
            return;
        }

        await next();
    }
}
