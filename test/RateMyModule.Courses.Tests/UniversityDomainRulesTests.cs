using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RateMyModule.Courses.Application;
using RateMyModule.Courses.Domain.PublicSuffixes;
using RateMyModule.Framework.Data;
using RateMyModule.TestBase.Authentication;
using static RateMyModule.Courses.Tests.UniqueNames;

namespace RateMyModule.Courses.Tests;

/// <summary>A university's e-mail domain must identify it alone: no public suffix, free, disposable or example domain, no overlap.</summary>
public sealed class UniversityDomainRulesTests(CoursesFixture app) : IClassFixture<CoursesFixture>
{
    private Task<Guid> CreateAsync(string domain, string name) =>
        app.AsAsync(CoursesFixture.Admin, sp => sp.GetRequiredService<UniversityAppService>()
            .CreateAsync(new UniversityInput(name, CoursesFixture.UniqueShortName(), domain, new DateOnly(1900, 1, 1))));

    [Theory]
    [InlineData("ac.uk", "Courses:EmailDomainPublicSuffix")]
    [InlineData("co.uk", "Courses:EmailDomainPublicSuffix")]
    [InlineData("github.io", "Courses:EmailDomainPublicSuffix")]
    [InlineData("gmail.com", "Courses:EmailDomainNotUniversity")]
    [InlineData("students.mailinator.com", "Courses:EmailDomainNotUniversity")]
    [InlineData("example.ac.uk", "Courses:EmailDomainNotUniversity")]
    public async Task Domains_that_name_no_single_university_are_refused_on_the_field(string domain, string code)
    {
        var error = await Should.ThrowAsync<BusinessException>(() => CreateAsync(domain, "University of Nowhere"));
        error.Code.ShouldBe(code);
        error.Field.ShouldBe("EmailDomain");
    }

    [Fact]
    public async Task A_domain_inside_or_above_another_universitys_is_refused_and_a_sibling_is_not()
    {
        var suffix = Letters();
        await CreateAsync($"bham{suffix}.ac.uk", $"University of Birmingham {suffix}");

        (await Should.ThrowAsync<BusinessException>(() => CreateAsync($"cs.bham{suffix}.ac.uk", $"Computer Science {suffix}"))).Code.ShouldBe("Courses:EmailDomainOverlaps");
        var sibling = await CreateAsync($"aston{suffix}.ac.uk", $"Aston University {suffix}");
        (await Should.ThrowAsync<BusinessException>(() => app.AsAsync(CoursesFixture.Admin, sp => sp.GetRequiredService<UniversityAppService>()
            .UpdateAsync(sibling, new UniversityInput($"Aston University {suffix}", CoursesFixture.UniqueShortName(), $"x.bham{suffix}.ac.uk", new DateOnly(1900, 1, 1)))))).Code
            .ShouldBe("Courses:EmailDomainOverlaps");
    }

    [Fact]
    public void The_vendored_list_knows_wildcards_and_their_exceptions()
    {
        var list = app.Host.Services.GetRequiredService<PublicSuffixList>();
        list.Count.ShouldBeGreaterThan(5000);
        list.IsPublicSuffix("ac.uk").ShouldBeTrue();
        list.IsPublicSuffix("bham.ac.uk").ShouldBeFalse();
        list.IsPublicSuffix("anything.ck").ShouldBeTrue();
        list.IsPublicSuffix("www.ck").ShouldBeFalse();
    }
}

internal static class UniqueNames
{
    /// <summary>Six random letters: university names take no digits.</summary>
    public static string Letters() => string.Concat(Guid.NewGuid().ToByteArray().Take(6).Select(b => (char)('a' + (b % 26))));
}

/// <summary>The same rules through the API, with the sign-up's real domain lists.</summary>
public sealed class UniversityDomainApiTests(CoursesWebAppFactory app) : IClassFixture<CoursesWebAppFactory>
{
    [Theory]
    [InlineData("ac.uk", "ac.uk is a public suffix that anyone can register under, not a university's domain.")]
    [InlineData("gmail.com", "gmail.com is a free mail, disposable or example domain, not a university's.")]
    [InlineData("example.ac.uk", "example.ac.uk is a free mail, disposable or example domain, not a university's.")]
    public async Task The_api_answers_400_on_the_email_domain(string domain, string message)
    {
        var response = await app.CreateClientAs(CoursesWebAppFactory.Admin).PostAsJsonAsync(new Uri("/api/v1/universities", UriKind.Relative),
            new { name = "University of Elsewhere", shortName = "UoE", emailDomain = domain, foundedOn = "1900-01-01" });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("emailDomain")[0].GetString().ShouldBe(message);
    }

    [Fact]
    public async Task The_api_refuses_a_subdomain_of_another_university()
    {
        var suffix = Letters();
        await app.UniversityAsync($"University of Overlap {suffix}", $"overlap{suffix}.ac.uk");
        var response = await app.CreateClientAs(CoursesWebAppFactory.Admin).PostAsJsonAsync(new Uri("/api/v1/universities", UriKind.Relative),
            new { name = "University of Inside", shortName = "UoI", emailDomain = $"cs.overlap{suffix}.ac.uk", foundedOn = "1900-01-01" });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("emailDomain")[0].GetString()
            .ShouldBe($"This domain overlaps overlap{suffix}.ac.uk, the email domain of University of Overlap {suffix}.");
    }
}
