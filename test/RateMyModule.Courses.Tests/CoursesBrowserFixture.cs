using RateMyModule.TestBase.Browser;

namespace RateMyModule.Courses.Tests;

/// <summary>The TestBase browser fixture over <see cref="CoursesWebAppFactory"/> and its test-only neighbours.</summary>
public sealed class CoursesBrowserFixture : BrowserAppFixture<CoursesWebAppFactory>;
