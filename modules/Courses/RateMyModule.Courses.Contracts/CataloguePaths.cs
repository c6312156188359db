namespace RateMyModule.Courses;

/// <summary>
/// The public addresses of universities and modules: readable and stable, built from what a student knows
/// (<c>/Universities/aber/Modules/CS10431</c>) rather than from ids. Every module links through here.
/// </summary>
public static class CataloguePaths
{
    /// <summary>A university's address segment: its short name in lower case (matched case-insensitively).</summary>
    public static string Slug(string shortName) => shortName.Trim().ToLowerInvariant();

    public static string University(string shortName) => $"/Universities/{Uri.EscapeDataString(Slug(shortName))}";

    public static string University(UniversityDto university) => University(university.ShortName);

    public static string Module(string universityShortName, string code) =>
        $"{University(universityShortName)}/Modules/{Uri.EscapeDataString(code)}";

    public static string Module(UniversityDto university, ModuleDto module) => Module(university.ShortName, module.Code);

    /// <summary>
    /// A module code as the route gave it. The server decodes every escape in a path but "%2F" (so that a slash in
    /// a code cannot split the path); that one is decoded here.
    /// </summary>
    public static string CodeFromRoute(string routeValue) => routeValue.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
}
