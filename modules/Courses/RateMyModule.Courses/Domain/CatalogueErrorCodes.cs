namespace RateMyModule.Courses.Domain;

/// <summary>Localization keys of the catalogue's rule violations (the texts are in Localization/Resources).</summary>
public static class CatalogueErrorCodes
{
    public const string UniversityNameLength = "Courses:UniversityNameLength";
    public const string UniversityNameCharacters = "Courses:UniversityNameCharacters";
    public const string UniversityNameTaken = "Courses:UniversityNameTaken";
    public const string ShortNameLength = "Courses:ShortNameLength";
    public const string ShortNameTaken = "Courses:ShortNameTaken";
    public const string EmailDomainInvalid = "Courses:EmailDomainInvalid";
    public const string EmailDomainTaken = "Courses:EmailDomainTaken";
    public const string EmailDomainPublicSuffix = "Courses:EmailDomainPublicSuffix";
    public const string EmailDomainNotUniversity = "Courses:EmailDomainNotUniversity";
    public const string EmailDomainOverlaps = "Courses:EmailDomainOverlaps";
    public const string FoundedInFuture = "Courses:FoundedInFuture";
    public const string UniversityHasCourses = "Courses:UniversityHasCourses";
    public const string CourseNameLength = "Courses:CourseNameLength";
    public const string CourseNameTaken = "Courses:CourseNameTaken";
    public const string StudentTypeLength = "Courses:StudentTypeLength";
    public const string CourseHasStudents = "Courses:CourseHasStudents";
    public const string CourseIsLastOfModule = "Courses:CourseIsLastOfModule";
    public const string ModuleNameLength = "Courses:ModuleNameLength";
    public const string ModuleCodeLength = "Courses:ModuleCodeLength";
    public const string ModuleCodeTaken = "Courses:ModuleCodeTaken";
    public const string ModuleNeedsCourse = "Courses:ModuleNeedsCourse";
    public const string ModuleCoursesOfOneUniversity = "Courses:ModuleCoursesOfOneUniversity";
    public const string ModuleHasReviews = "Courses:ModuleHasReviews";
    public const string AccessDenied = "Courses:AccessDenied";
}
