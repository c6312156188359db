using Microsoft.EntityFrameworkCore;
using RateMyModule.Accounts;
using RateMyModule.Courses.Data;
using RateMyModule.Courses.Domain;
using RateMyModule.Courses.Domain.PublicSuffixes;
using RateMyModule.Framework.Data;
using RateMyModule.Framework.Events;

namespace RateMyModule.Courses.Application;

/// <summary>Universities for the admin site. Listing needs ManageCatalogue (scoped); changing them needs ManageUniversities.</summary>
public sealed class UniversityAppService(
    CoursesDbContext db,
    CatalogueAccess access,
    CatalogueHistory history,
    IAccountLookup accounts,
    IEmailDomainRules domainRules,
    PublicSuffixList publicSuffixes,
    ILocalEventBus events,
    TimeProvider clock)
{
    public static readonly IReadOnlyDictionary<string, SortColumn<University>> Sorts = new Dictionary<string, SortColumn<University>>(StringComparer.OrdinalIgnoreCase)
    {
        ["name"] = SortColumns.Text<University>(u => u.Name),
        ["shortName"] = SortColumns.Text<University>(u => u.ShortName),
        ["emailDomain"] = SortColumns.Text<University>(u => u.EmailDomain),
        ["foundedOn"] = SortColumns.Date<University>(u => u.FoundedOn),
    };

    public async Task<KeysetPage<UniversityListItem>> GetListAsync(UniversityListQuery query, CancellationToken cancellationToken = default)
    {
        var scope = await access.RequireCatalogueAsync(cancellationToken);
        var page = query.Page ?? new PageRequest();
        var universities = db.Universities.AsNoTracking();
        if (scope.UniversityId is { } own)
        {
            universities = universities.Where(u => u.Id == own);
        }

        if (TextSearch.Contains(query.Search) is { } pattern)
        {
            universities = universities.Where(u => EF.Functions.Like(u.Name, pattern, TextSearch.Escape)
                || EF.Functions.Like(u.ShortName, pattern, TextSearch.Escape)
                || EF.Functions.Like(u.EmailDomain, pattern, TextSearch.Escape));
        }

        if (query.Archived is { } archived)
        {
            universities = universities.Where(u => u.IsArchived == archived);
        }

        var sort = Sorts.GetValueOrDefault(page.Sort ?? "name") ?? Sorts["name"];
        var rows = await sort.Apply(universities, page.Descending, page.After).Take(page.Size + 1).ToListAsync(cancellationToken);
        var result = SortColumns.ToPage(rows, page.Size, sort);
        var ids = result.Items.Select(u => u.Id).ToList();

        var courses = await db.Courses.AsNoTracking().Where(c => ids.Contains(c.UniversityId))
            .Select(c => new { c.Id, c.UniversityId }).ToListAsync(cancellationToken);
        var modules = await db.Modules.AsNoTracking().Where(m => ids.Contains(m.UniversityId))
            .GroupBy(m => m.UniversityId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        // One call for the whole page: students of every course of every university shown.
        var students = courses.Count == 0
            ? new Dictionary<Guid, int>()
            : await accounts.CountStudentsByCourseAsync(courses.Select(c => c.Id).ToList(), cancellationToken);
        var items = result.Items.Select(u =>
        {
            var own = courses.Where(c => c.UniversityId == u.Id).ToList();
            return new UniversityListItem(
                u.ToDto(), own.Count, modules.GetValueOrDefault(u.Id), own.Sum(c => students.GetValueOrDefault(c.Id)));
        }).ToList();
        return new KeysetPage<UniversityListItem>(items, result.NextCursor);
    }

    /// <summary>Every university the user may manage, by name: for filters and pickers.</summary>
    public async Task<IReadOnlyList<UniversityDto>> GetOptionsAsync(CancellationToken cancellationToken = default)
    {
        var scope = await access.RequireCatalogueAsync(cancellationToken);
        var universities = db.Universities.AsNoTracking();
        if (scope.UniversityId is { } own)
        {
            universities = universities.Where(u => u.Id == own);
        }

        return (await universities.OrderBy(u => u.Name).ToListAsync(cancellationToken)).Select(u => u.ToDto()).ToList();
    }

    public async Task<Editable<UniversityDto>> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var scope = await access.RequireCatalogueAsync(cancellationToken);
        var university = await FindAsync(id, scope, cancellationToken);
        return new Editable<UniversityDto>(university.ToDto(), university.ConcurrencyStamp);
    }

    public async Task<Guid> CreateAsync(UniversityInput input, CancellationToken cancellationToken = default)
    {
        await access.RequireUniversitiesAsync(cancellationToken);
        var university = new University(input.Name, input.ShortName, input.EmailDomain, input.FoundedOn, Today());
        await EnsureUniqueAsync(university, cancellationToken);
        db.Universities.Add(university);
        await db.SaveChangesAsync(cancellationToken);
        return university.Id;
    }

    public async Task UpdateAsync(Guid id, UniversityInput input, CancellationToken cancellationToken = default)
    {
        var university = await FindForChangeAsync(id, cancellationToken);
        Expect(university, input.ConcurrencyStamp);
        university.Update(input.Name, input.ShortName, input.EmailDomain, input.FoundedOn, Today());
        await EnsureUniqueAsync(university, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    public Task ArchiveAsync(Guid id, string? concurrencyStamp, CancellationToken cancellationToken = default)
        => ChangeAsync(id, concurrencyStamp, u => u.Archive(), cancellationToken);

    public Task RestoreAsync(Guid id, string? concurrencyStamp, CancellationToken cancellationToken = default)
        => ChangeAsync(id, concurrencyStamp, u => u.Restore(), cancellationToken);

    /// <summary>Refused while the university has courses (archived ones too): archive it instead.</summary>
    public async Task DeleteAsync(Guid id, string? concurrencyStamp, CancellationToken cancellationToken = default)
    {
        var university = await FindForChangeAsync(id, cancellationToken);
        Expect(university, concurrencyStamp);
        if (await db.Courses.AnyAsync(c => c.UniversityId == id, cancellationToken))
        {
            throw new BusinessException(CatalogueErrorCodes.UniversityHasCourses, "A university with courses cannot be deleted; archive it instead.");
        }

        await events.PublishAsync(new UniversityDeletedEvent(id), cancellationToken);
        db.Universities.Remove(university);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<ChangeHistoryEntry>> GetHistoryAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var scope = await access.RequireCatalogueAsync(cancellationToken);
        await FindAsync(id, scope, cancellationToken);
        return await history.GetAsync<University>(id, cancellationToken);
    }

    private async Task ChangeAsync(Guid id, string? concurrencyStamp, Action<University> change, CancellationToken cancellationToken)
    {
        var university = await FindForChangeAsync(id, cancellationToken);
        Expect(university, concurrencyStamp);
        change(university);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Another university's item is missing (404) before it is forbidden (403), so nothing leaks.</summary>
    private async Task<University> FindForChangeAsync(Guid id, CancellationToken cancellationToken)
    {
        var university = await FindAsync(id, await access.RequireCatalogueAsync(cancellationToken), cancellationToken);
        await access.RequireUniversitiesAsync(cancellationToken);
        return university;
    }

    private async Task<University> FindAsync(Guid id, CatalogueScope scope, CancellationToken cancellationToken)
    {
        var university = await db.Universities.FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (university is null || !scope.Covers(university.Id))
        {
            throw new EntityNotFoundException(nameof(University), id);
        }

        return university;
    }

    private async Task EnsureUniqueAsync(University university, CancellationToken cancellationToken)
    {
        // The name column is NOCASE, so "university of leeds" is taken by "University of Leeds".
        if (await db.Universities.AnyAsync(u => u.Id != university.Id && u.Name == university.Name, cancellationToken))
        {
            throw new BusinessException(CatalogueErrorCodes.UniversityNameTaken, "Another university has this name.") { Field = "Name" };
        }

        // The short name is the university's address (/Universities/uob), so it names one university only.
        if (await db.Universities.AnyAsync(u => u.Id != university.Id && u.ShortName == university.ShortName, cancellationToken))
        {
            throw new BusinessException(CatalogueErrorCodes.ShortNameTaken, "Another university has this short name.") { Field = "ShortName" };
        }

        if (await db.Universities.AnyAsync(u => u.Id != university.Id && u.EmailDomain == university.EmailDomain, cancellationToken))
        {
            throw new BusinessException(CatalogueErrorCodes.EmailDomainTaken, "Another university has this email domain.") { Field = "EmailDomain" };
        }

        await EnsureDomainIdentifiesAsync(university, cancellationToken);
    }

    /// <summary>
    /// Sign-up gives an address the university whose domain is it or a parent of it, so a domain must name one
    /// university alone: not a public suffix (ac.uk would make every someone@ox.ac.uk its student), not a free,
    /// disposable or example domain, and neither inside nor above another university's domain.
    /// </summary>
    private async Task EnsureDomainIdentifiesAsync(University university, CancellationToken cancellationToken)
    {
        var domain = university.EmailDomain;
        if (publicSuffixes.IsPublicSuffix(domain))
        {
            throw new BusinessException(CatalogueErrorCodes.EmailDomainPublicSuffix, "This is a public suffix that anyone can register under, not a university's domain.", domain)
            {
                Field = "EmailDomain",
            };
        }

        if (domainRules.IsFreeOrDisposable(domain) || domainRules.IsExampleOrReserved(domain))
        {
            throw new BusinessException(CatalogueErrorCodes.EmailDomainNotUniversity, "This is a free mail, disposable or example domain, not a university's.", domain)
            {
                Field = "EmailDomain",
            };
        }

        // Few universities: their domains are compared here rather than by string functions in SQL.
        var others = await db.Universities.AsNoTracking().Where(u => u.Id != university.Id)
            .Select(u => new { u.Name, u.EmailDomain }).ToListAsync(cancellationToken);
        var overlap = others.FirstOrDefault(o =>
            domain.EndsWith("." + o.EmailDomain, StringComparison.Ordinal) || o.EmailDomain.EndsWith("." + domain, StringComparison.Ordinal));
        if (overlap is not null)
        {
            throw new BusinessException(CatalogueErrorCodes.EmailDomainOverlaps, "This domain overlaps the email domain of another university.", overlap.EmailDomain, overlap.Name)
            {
                Field = "EmailDomain",
            };
        }
    }

    private void Expect(University university, string? concurrencyStamp) => ConcurrencyStamps.Expect(db, university, concurrencyStamp);

    private DateOnly Today() => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
