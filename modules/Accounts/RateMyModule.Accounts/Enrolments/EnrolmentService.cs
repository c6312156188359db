using Microsoft.EntityFrameworkCore;
using RateMyModule.Accounts.Data;
using RateMyModule.Accounts.Users;
using RateMyModule.Courses;
using RateMyModule.Framework.Data;

namespace RateMyModule.Accounts.Enrolments;

/// <summary>Which courses a student is on: only courses of their own university, and never none once chosen.</summary>
public sealed class EnrolmentService(AccountsDbContext db, ICatalogueLookup catalogue, TimeProvider clock)
{
    public const string NoCourseCode = "Accounts:NoCourse";
    public const string ForeignCourseCode = "Accounts:ForeignCourse";

    public Task<List<Guid>> GetCourseIdsAsync(Guid userId, CancellationToken cancellationToken = default)
        => db.Enrolments.Where(e => e.UserId == userId).Select(e => e.CourseId).ToListAsync(cancellationToken);

    public Task<bool> HasAnyAsync(Guid userId, CancellationToken cancellationToken = default)
        => db.Enrolments.AnyAsync(e => e.UserId == userId, cancellationToken);

    /// <summary>Replaces the user's courses with <paramref name="courseIds"/>, which must be at least one course of their university.</summary>
    public async Task SetCoursesAsync(Guid userId, IReadOnlyCollection<Guid> courseIds, CancellationToken cancellationToken = default)
    {
        if (courseIds.Count == 0)
        {
            throw new BusinessException(NoCourseCode, "A student is on at least one course.");
        }

        var user = await db.Users.SingleAsync(u => u.Id == userId, cancellationToken);
        var courses = await catalogue.GetCoursesAsync(courseIds, cancellationToken);
        if (courses.Count != courseIds.Distinct().Count() || courses.Any(c => c.UniversityId != user.UniversityId))
        {
            throw new BusinessException(ForeignCourseCode, "Only courses of the student's own university may be chosen.");
        }

        var current = await db.Enrolments.Where(e => e.UserId == userId).ToListAsync(cancellationToken);
        var wanted = courses.Select(c => c.Id).ToHashSet();
        db.Enrolments.RemoveRange(current.Where(e => !wanted.Contains(e.CourseId)));
        foreach (var id in wanted.Where(id => current.All(e => e.CourseId != id)))
        {
            db.Enrolments.Add(new Enrolment { UserId = userId, CourseId = id, CreationTime = clock.GetUtcNow() });
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
