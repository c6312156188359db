using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RateMyModule.Accounts.Data;

namespace RateMyModule.Accounts.PersonalData;

/// <summary>"Download my data": the account, its enrolments, and every module's section, as one JSON document.</summary>
public sealed class PersonalDataExporter(AccountsDbContext db, IEnumerable<IPersonalDataContributor> contributors)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task<byte[]> ExportAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId, cancellationToken);
        var roles = await (from userRole in db.UserRoles
                           join role in db.Roles on userRole.RoleId equals role.Id
                           where userRole.UserId == userId
                           select role.Name).ToListAsync(cancellationToken);
        var logins = await db.UserLogins.AsNoTracking().Where(l => l.UserId == userId)
            .Select(l => new { l.LoginProvider, l.ProviderDisplayName }).ToListAsync(cancellationToken);
        var enrolments = await db.Enrolments.AsNoTracking().Where(e => e.UserId == userId)
            .Select(e => new { e.CourseId, e.CreationTime }).ToListAsync(cancellationToken);
        var document = new Dictionary<string, object?>
        {
            ["account"] = new
            {
                user.Id,
                user.Email,
                user.EmailConfirmed,
                user.UniversityId,
                user.CreationTime,
                Roles = roles,
                ExternalLogins = logins,
            },
            ["enrolments"] = enrolments,
        };
        foreach (var contributor in contributors)
        {
            document[contributor.SectionName] = await contributor.ExportAsync(userId, cancellationToken);
        }

        return JsonSerializer.SerializeToUtf8Bytes(document, Json);
    }
}
