using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using RateMyModule.Accounts.Registration;
using RateMyModule.Accounts.Users;

namespace RateMyModule.DbMigrator.ScaleSeeding;

/// <summary>
/// Students for the write benchmark: <c>bench-00001@&lt;domain&gt;</c>… of the catalogue's first university, e-mail
/// confirmed, in the Student role and enrolled on every open course of that university, so each may review any of
/// its modules. One password hash is computed with the app's own hasher and shared: hashing thousands of times
/// would take minutes and prove nothing. Rows go straight into the Accounts tables (AccUsers, AccUserRoles,
/// AccEnrolments) in one transaction; users that already exist are left alone, so a second run adds nothing.
/// </summary>
public sealed class BenchmarkUserGenerator(IPasswordHasher<AccountUser> hasher, TimeProvider clock)
{
    public const string EmailPrefix = "bench-";

    private static readonly Func<DateTimeOffset, long> ToBinary = (Func<DateTimeOffset, long>)new DateTimeOffsetToBinaryConverter().ConvertToProviderExpression.Compile();

    public static string EmailOf(int number, ScaleUniversity university) => $"{EmailPrefix}{number:D5}@{university.EmailDomain}";

    public async Task<int> GenerateAsync(SqliteConnection connection, ScaleCatalogue catalogue, int count, string password, CancellationToken cancellationToken)
    {
        var university = catalogue.University;
        var studentRole = await ScalarAsync(connection, "SELECT Id FROM AccRoles WHERE NormalizedName = 'STUDENT'", cancellationToken)
            ?? throw new InvalidOperationException("The Student role is missing: the Accounts seed has not run.");
        var existing = new HashSet<string>(StringComparer.Ordinal);
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT NormalizedEmail FROM AccUsers WHERE NormalizedEmail LIKE '{EmailPrefix.ToUpperInvariant()}%'";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                existing.Add(reader.GetString(0));
            }
        }

        var hash = hasher.HashPassword(new AccountUser(), password);
        var now = ToBinary(clock.GetUtcNow());
        var universityId = university.Id.ToString().ToUpperInvariant();
        var added = 0;
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var users = new StringBuilder();
        var rows = new StringBuilder();
        for (var number = 1; number <= count; number++)
        {
            var email = EmailOf(number, university);
            var normalized = email.ToUpperInvariant();
            if (existing.Contains(normalized))
            {
                continue;
            }

            var id = Guid.NewGuid().ToString().ToUpperInvariant();
            users.Append(users.Length == 0 ? UserInsert : ",").Append(CultureInfo.InvariantCulture,
                $"('{id}','{universityId}','{EmailSkeleton.Of(email)}',{now},{now},'{email}','{normalized}','{email}','{normalized}',1,'{hash}','{Guid.NewGuid():N}','{Guid.NewGuid()}',0,0,1,0)");
            rows.Append(rows.Length == 0 ? "INSERT INTO AccUserRoles (UserId, RoleId) VALUES " : ",").Append(CultureInfo.InvariantCulture, $"('{id}','{studentRole}')");
            added++;
            if (added % 200 == 0)
            {
                await ExecuteAsync(connection, transaction, users, cancellationToken);
                await ExecuteAsync(connection, transaction, rows, cancellationToken);
            }
        }

        await ExecuteAsync(connection, transaction, users, cancellationToken);
        await ExecuteAsync(connection, transaction, rows, cancellationToken);

        // Every benchmark user on every open course of the university; INSERT … SELECT keeps it one statement.
        foreach (var courseId in catalogue.CourseIds)
        {
            rows.Append(CultureInfo.InvariantCulture,
                $"INSERT OR IGNORE INTO AccEnrolments (UserId, CourseId, CreationTime) SELECT Id, '{courseId.ToString().ToUpperInvariant()}', {now} FROM AccUsers WHERE NormalizedEmail LIKE '{EmailPrefix.ToUpperInvariant()}%' AND UniversityId = '{universityId}';");
        }

        await ExecuteAsync(connection, transaction, rows, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return added;
    }

    private const string UserInsert = "INSERT INTO AccUsers (Id, UniversityId, EmailSkeleton, CreationTime, LastModificationTime, UserName, NormalizedUserName, Email, "
        + "NormalizedEmail, EmailConfirmed, PasswordHash, SecurityStamp, ConcurrencyStamp, PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnabled, AccessFailedCount) VALUES ";

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction transaction, StringBuilder sql, CancellationToken cancellationToken)
    {
        if (sql.Length == 0)
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql.ToString();
        await command.ExecuteNonQueryAsync(cancellationToken);
        sql.Clear();
    }

    private static async Task<string?> ScalarAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }
}
