using RateMyModule.Courses.Domain;
using RateMyModule.Framework.Data;

namespace RateMyModule.Courses.Tests;

public sealed class CatalogueRulesTests
{
    private static readonly DateOnly Today = new(2026, 9, 1);

    [Theory]
    [InlineData("A")]
    [InlineData("This university name is far too long to be accepted by the catalogue")]
    public void University_name_outside_2_to_60_characters_is_refused(string name)
        => Fails(() => CatalogueRules.UniversityName(name), CatalogueErrorCodes.UniversityNameLength, "Name");

    [Theory]
    [InlineData("University 2")]
    [InlineData("Uni_of_Things")]
    [InlineData("Uni@Home")]
    public void University_name_with_other_characters_is_refused(string name)
        => Fails(() => CatalogueRules.UniversityName(name), CatalogueErrorCodes.UniversityNameCharacters, "Name");

    [Theory]
    [InlineData("Prifysgol Aberystwyth")]
    [InlineData("King's College (London) – Ö!?¿¡&-")]
    public void University_name_of_letters_and_allowed_punctuation_is_accepted(string name)
    {
        var accepted = name.Replace("–", "-", StringComparison.Ordinal);
        CatalogueRules.UniversityName(accepted).ShouldBe(accepted);
    }

    [Fact]
    public void University_name_is_trimmed_and_inner_spaces_collapse()
        => CatalogueRules.UniversityName("  Cardiff   University ").ShouldBe("Cardiff University");

    [Theory]
    [InlineData("U")]
    [InlineData("TooLongSN")]
    public void Short_name_outside_2_to_8_characters_is_refused(string shortName)
        => Fails(() => CatalogueRules.ShortName(shortName), CatalogueErrorCodes.ShortNameLength, "ShortName");

    [Fact]
    public void Email_domain_is_lower_cased_and_loses_a_leading_at()
        => CatalogueRules.EmailDomain(" @CS.Bham.AC.uk ").ShouldBe("cs.bham.ac.uk");

    [Theory]
    [InlineData("bham")]
    [InlineData("bham..ac.uk")]
    [InlineData("-bham.ac.uk")]
    [InlineData("bham-.ac.uk")]
    [InlineData("bh am.ac.uk")]
    [InlineData("bham.ac.uk.")]
    [InlineData("")]
    public void Invalid_dns_names_are_refused(string domain)
        => Fails(() => CatalogueRules.EmailDomain(domain), CatalogueErrorCodes.EmailDomainInvalid, "EmailDomain");

    [Fact]
    public void A_label_longer_than_63_characters_is_refused()
        => Fails(() => CatalogueRules.EmailDomain(new string('a', 64) + ".ac.uk"), CatalogueErrorCodes.EmailDomainInvalid, "EmailDomain");

    [Fact]
    public void Founding_date_in_the_future_is_refused()
        => Fails(() => CatalogueRules.FoundedOn(Today.AddDays(1), Today), CatalogueErrorCodes.FoundedInFuture, "FoundedOn");

    [Theory]
    [InlineData("CS")]
    [InlineData("A course name that is much longer than sixty characters in total")]
    public void Course_name_outside_3_to_60_characters_is_refused(string name)
        => Fails(() => _ = new Course(Guid.NewGuid(), name, "a student"), CatalogueErrorCodes.CourseNameLength, "Name");

    [Fact]
    public void Student_type_is_required()
        => Fails(() => _ = new Course(Guid.NewGuid(), "Computer Science", " "), CatalogueErrorCodes.StudentTypeLength, "StudentType");

    [Theory]
    [InlineData("AI")]
    [InlineData("A module name that is much longer than sixty characters in total")]
    public void Module_name_outside_3_to_60_characters_is_refused(string name)
        => Fails(() => _ = new Module(Guid.NewGuid(), name, "06-1", Today), CatalogueErrorCodes.ModuleNameLength, "Name");

    [Theory]
    [InlineData("")]
    [InlineData("A module code longer than thirty chars")]
    public void Module_code_must_be_1_to_30_characters(string code)
        => Fails(() => _ = new Module(Guid.NewGuid(), "Databases", code, Today), CatalogueErrorCodes.ModuleCodeLength, "Code");

    [Fact]
    public void A_module_needs_at_least_one_course()
    {
        var module = new Module(Guid.NewGuid(), "Databases", "06-1", Today);
        Fails(() => module.SetCourses([]), CatalogueErrorCodes.ModuleNeedsCourse, "CourseIds");
    }

    [Fact]
    public void A_modules_courses_must_all_be_of_its_university()
    {
        var university = Guid.NewGuid();
        var module = new Module(university, "Databases", "06-1", Today);
        var own = new Course(university, "Computer Science", "a computer scientist");
        var other = new Course(Guid.NewGuid(), "Mathematics", "a mathematician");
        Fails(() => module.SetCourses([own, other]), CatalogueErrorCodes.ModuleCoursesOfOneUniversity, "CourseIds");
    }

    [Fact]
    public void Setting_courses_reports_what_was_added_and_removed()
    {
        var university = Guid.NewGuid();
        var module = new Module(university, "Databases", "06-1", Today);
        var a = new Course(university, "Course A", "a student");
        var b = new Course(university, "Course B", "a student");
        module.SetCourses([a]);
        var (added, removed) = module.SetCourses([b]);
        added.ShouldBe([b.Id]);
        removed.ShouldBe([a.Id]);
        module.Courses.Select(c => c.CourseId).ShouldBe([b.Id]);
    }

    private static void Fails(Action action, string code, string field)
    {
        var error = Should.Throw<BusinessException>(action);
        error.Code.ShouldBe(code);
        error.Field.ShouldBe(field);
    }
}
