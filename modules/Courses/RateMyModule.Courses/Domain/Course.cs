using RateMyModule.Framework.Data;

namespace RateMyModule.Courses.Domain;

/// <summary>A degree programme of one university; students enrol on courses, modules belong to courses.</summary>
public sealed class Course : AuditedAggregateRoot
{
    private Course()
    {
    }

    public Course(Guid universityId, string name, string studentType)
    {
        Id = Guid.CreateVersion7();
        UniversityId = universityId;
        Update(name, studentType);
    }

    public Guid UniversityId { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>The phrase shown next to a review, e.g. "a computer scientist".</summary>
    public string StudentType { get; private set; } = "";

    public bool IsArchived { get; private set; }

    public void Update(string name, string studentType)
    {
        Name = CatalogueRules.CourseName(name);
        StudentType = CatalogueRules.StudentType(studentType);
    }

    public void Archive() => IsArchived = true;

    public void Restore() => IsArchived = false;

    public CourseDto ToDto() => new(Id, UniversityId, Name, StudentType, IsArchived);
}
