using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;
using RateMyModule.Reviews.Application;
using RateMyModule.Reviews.Domain;

namespace RateMyModule.Reviews.Web;

/// <summary>What an API client sends to write or edit its review; tags are names, as on the form.</summary>
public sealed record ReviewRequest(int? Overall, int? Difficulty, int? Assessment, int? Teaching, string? Text, int? AcademicYear, IReadOnlyList<string>? Tags)
{
    public ReviewInput ToInput() => new(Overall, Difficulty, Assessment, Teaching, Text, AcademicYear, Tags ?? []);
}

public sealed record VoteRequest([property: JsonConverter(typeof(JsonStringEnumConverter<VoteKind>))] VoteKind? Kind);

public sealed record ReportRequest([property: JsonConverter(typeof(JsonStringEnumConverter<ReportReason>))] ReportReason? Reason);

public sealed record ModerationRequest([property: JsonConverter(typeof(JsonStringEnumConverter<ModerationDecision>))] ModerationDecision? Decision, string? Note);

/// <summary>
/// Write API: one's own review, votes, reports and moderation decisions, each through the application service that
/// the pages use, so the rules live in one place. Every endpoint requires a signed-in user; the Accounts cookie
/// answers 401/403 under /api instead of redirecting to the sign-in page.
/// Antiforgery: these endpoints bind no forms, so ASP.NET Core's antiforgery does not apply to them; a body is read
/// only as JSON (any other content type is refused with 415) and the rest are PUT/DELETE, which a cross-site form
/// cannot send. That is why no DisableAntiforgery is needed, and no endpoint accepts a form post.
/// </summary>
public static class ReviewsWriteApiEndpoints
{
    public static IEndpointRouteBuilder MapReviewsWriteApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").RequireAuthorization();
        api.MapPost("/modules/{moduleId:guid}/reviews", CreateAsync);
        api.MapPut("/reviews/{reviewId:guid}", UpdateAsync);
        api.MapDelete("/reviews/{reviewId:guid}", DeleteAsync);
        api.MapPut("/reviews/{reviewId:guid}/vote", VoteAsync);
        api.MapDelete("/reviews/{reviewId:guid}/vote", RemoveVoteAsync);
        api.MapPost("/reviews/{reviewId:guid}/reports", ReportAsync);
        api.MapPost("/moderation/reviews/{reviewId:guid}/decisions", DecideAsync);
        return endpoints;
    }

    private static Task<IResult> CreateAsync(
        Guid moduleId, ReviewRequest request, [FromServices] ReviewService reviews, [FromServices] ReviewListQuery query,
        [FromServices] IStringLocalizer<ReviewsResource> localizer, CancellationToken cancellationToken) =>
        ReviewsApiProblems.RunAsync(localizer, async () =>
        {
            var id = await reviews.CreateAsync(moduleId, request.ToInput(), cancellationToken);
            return Results.Created($"/api/v1/reviews/{id}", await query.GetAsync(id, cancellationToken));
        });

    private static Task<IResult> UpdateAsync(
        Guid reviewId, ReviewRequest request, [FromServices] ReviewService reviews, [FromServices] ReviewListQuery query,
        [FromServices] IStringLocalizer<ReviewsResource> localizer, CancellationToken cancellationToken) =>
        ReviewsApiProblems.RunAsync(localizer, async () =>
        {
            await reviews.UpdateAsync(reviewId, request.ToInput(), cancellationToken);
            return Results.Ok(await query.GetAsync(reviewId, cancellationToken));
        });

    private static Task<IResult> DeleteAsync(
        Guid reviewId, [FromServices] ReviewService reviews, [FromServices] IStringLocalizer<ReviewsResource> localizer, CancellationToken cancellationToken) =>
        ReviewsApiProblems.RunAsync(localizer, async () =>
        {
            await reviews.DeleteAsync(reviewId, cancellationToken);
            return Results.NoContent();
        });

    private static Task<IResult> VoteAsync(
        Guid reviewId, VoteRequest request, [FromServices] VoteService votes, [FromServices] IStringLocalizer<ReviewsResource> localizer, CancellationToken cancellationToken)
    {
        if (request.Kind is not { } kind)
        {
            return Task.FromResult(ReviewsApiProblems.Field("kind", localizer["Choose helpful or not helpful."]));
        }

        return ReviewsApiProblems.RunAsync(localizer, async () => Results.Ok(await votes.VoteAsync(reviewId, kind, cancellationToken)));
    }

    private static Task<IResult> RemoveVoteAsync(
        Guid reviewId, [FromServices] VoteService votes, [FromServices] IStringLocalizer<ReviewsResource> localizer, CancellationToken cancellationToken) =>
        ReviewsApiProblems.RunAsync(localizer, async () => Results.Ok(await votes.VoteAsync(reviewId, null, cancellationToken)));

    private static Task<IResult> ReportAsync(
        Guid reviewId, ReportRequest request, [FromServices] ReportService reports, [FromServices] IStringLocalizer<ReviewsResource> localizer, CancellationToken cancellationToken) =>
        ReviewsApiProblems.RunAsync(localizer, async () =>
        {
            // An undefined reason is the service's to refuse, with its own field error.
            await reports.ReportAsync(reviewId, request.Reason ?? (ReportReason)(-1), cancellationToken);
            return Results.NoContent();
        });

    private static Task<IResult> DecideAsync(
        Guid reviewId, ModerationRequest request, [FromServices] ModerationService moderation, [FromServices] IStringLocalizer<ReviewsResource> localizer,
        CancellationToken cancellationToken)
    {
        if (request.Decision is not { } decision)
        {
            return Task.FromResult(ReviewsApiProblems.Field("decision", localizer["Choose dismiss, hide, un-hide or delete."]));
        }

        return ReviewsApiProblems.RunAsync(localizer, async () =>
        {
            await moderation.DecideAsync(reviewId, decision, request.Note, cancellationToken);
            return Results.NoContent();
        });
    }
}
