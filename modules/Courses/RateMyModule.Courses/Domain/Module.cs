using RateMyModule.Framework.Data;

namespace RateMyModule.Courses.Domain;

/// <summary>A taught module; the thing students review. Included in one or more courses of its university.</summary>
public sealed class Module : AuditedAggregateRoot
{
    private Module()
    {
    }

    public Module(Guid universityId, string name, string code, DateOnly startedOn)
    {
        Id = Guid.CreateVersion7();
        UniversityId = universityId;
        Update(name, code, startedOn);
    }

    public Guid UniversityId { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>Unique within the university (case-insensitive), e.g. "06-12345" or "LC Software Engineering".</summary>
    public string Code { get; private set; } = "";

    public DateOnly StartedOn { get; private set; }

    public bool IsArchived { get; private set; }

    public List<ModuleCourse> Courses { get; private set; } = [];

    public void Update(string name, string code, DateOnly startedOn)
    {
        Name = CatalogueRules.ModuleName(name);
        Code = CatalogueRules.ModuleCode(code);
        StartedOn = startedOn;
    }

    /// <summary>
    /// Replaces the set of courses (already checked to exist and to be of this module's university by the
    /// caller); returns what was added and removed so the change can be announced.
    /// </summary>
    public (IReadOnlyList<Guid> Added, IReadOnlyList<Guid> Removed) SetCourses(IReadOnlyCollection<Course> courses)
    {
        if (courses.Count == 0)
        {
            throw new BusinessException(CatalogueErrorCodes.ModuleNeedsCourse, "A module must be part of at least one course.")
            {
                Field = "CourseIds",
            };
        }

        if (courses.Any(c => c.UniversityId != UniversityId))
        {
            throw new BusinessException(CatalogueErrorCodes.ModuleCoursesOfOneUniversity, "All of a module's courses must belong to its university.")
            {
                Field = "CourseIds",
            };
        }

        var wanted = courses.Select(c => c.Id).ToHashSet();
        var current = Courses.Select(c => c.CourseId).ToHashSet();
        var removed = current.Where(id => !wanted.Contains(id)).ToList();
        var added = wanted.Where(id => !current.Contains(id)).ToList();
        Courses.RemoveAll(c => removed.Contains(c.CourseId));
        Courses.AddRange(added.Select(id => new ModuleCourse { ModuleId = Id, CourseId = id }));
        return (added, removed);
    }

    public void Archive() => IsArchived = true;

    public void Restore() => IsArchived = false;

    public ModuleDto ToDto() => new(Id, UniversityId, Name, Code, StartedOn, Courses.Select(c => c.CourseId).Order().ToList(), IsArchived);
}

/// <summary>A course includes a module.</summary>
public sealed class ModuleCourse
{
    public Guid ModuleId { get; set; }

    public Guid CourseId { get; set; }
}
