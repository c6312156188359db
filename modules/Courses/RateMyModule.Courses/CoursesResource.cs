namespace RateMyModule.Courses;

/// <summary>Names the Courses module's texts (Localization/Resources/{culture}.json).</summary>
public sealed class CoursesResource;
