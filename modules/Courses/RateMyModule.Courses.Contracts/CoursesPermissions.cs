namespace RateMyModule.Courses;

/// <summary>Permission names of the Courses module (each is also an authorization policy).</summary>
public static class CoursesPermissions
{
    public const string GroupName = "Courses";

    /// <summary>Create, edit, archive and delete universities (Admin only: a university is the unit of scoping).</summary>
    public const string ManageUniversities = "Courses.Universities.Manage";

    /// <summary>Create, edit, archive and delete courses and modules, import and export (scoped to one university for a UniversityAdmin).</summary>
    public const string ManageCatalogue = "Courses.Catalogue.Manage";
}

public static class CatalogueLimits
{
    public const int UniversityNameMin = 2;
    public const int UniversityNameMax = 60;
    public const int ShortNameMin = 2;
    public const int ShortNameMax = 8;
    public const int EmailDomainMax = 253;
    public const int CourseNameMin = 3;
    public const int CourseNameMax = 60;
    public const int StudentTypeMax = 60;
    public const int ModuleNameMin = 3;
    public const int ModuleNameMax = 60;
    public const int ModuleCodeMax = 30;
}
