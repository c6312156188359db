using RateMyModule.Framework.Data;

namespace RateMyModule.Courses.Domain;

/// <summary>A university: the unit every course, module, student and UniversityAdmin belongs to.</summary>
public sealed class University : AuditedAggregateRoot
{
    private University()
    {
    }

    public University(string name, string shortName, string emailDomain, DateOnly foundedOn, DateOnly today)
    {
        Id = Guid.CreateVersion7();
        Update(name, shortName, emailDomain, foundedOn, today);
    }

    public string Name { get; private set; } = "";

    public string ShortName { get; private set; } = "";

    /// <summary>Lower-cased DNS name; a student's address matches it or one of its sub-domains.</summary>
    public string EmailDomain { get; private set; } = "";

    public DateOnly FoundedOn { get; private set; }

    public bool IsArchived { get; private set; }

    public void Update(string name, string shortName, string emailDomain, DateOnly foundedOn, DateOnly today)
    {
        Name = CatalogueRules.UniversityName(name);
        ShortName = CatalogueRules.ShortName(shortName);
        EmailDomain = CatalogueRules.EmailDomain(emailDomain);
        FoundedOn = CatalogueRules.FoundedOn(foundedOn, today);
    }

    public void Archive() => IsArchived = true;

    public void Restore() => IsArchived = false;

    public UniversityDto ToDto() => new(Id, Name, ShortName, EmailDomain, FoundedOn, IsArchived);
}
