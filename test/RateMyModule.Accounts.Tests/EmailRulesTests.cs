using RateMyModule.Accounts.Registration;

namespace RateMyModule.Accounts.Tests;

public sealed class EmailRulesTests
{
    [Fact]
    public void The_shipped_list_has_hundreds_of_free_and_disposable_providers_and_covers_subdomains()
    {
        var list = new DisposableDomainList();
        list.Count.ShouldBeGreaterThan(300);
        list.Contains("gmail.com").ShouldBeTrue();
        list.Contains("10minutemail.com").ShouldBeTrue();
        list.Contains("eu.mailinator.com").ShouldBeTrue();
        list.Contains("bham.ac.uk").ShouldBeFalse();
    }

    [Theory]
    [InlineData("example.com")]
    [InlineData("mail.example.org")]
    [InlineData("example.net")]
    [InlineData("uni.test")]
    [InlineData("uni.example")]
    [InlineData("uni.invalid")]
    [InlineData("uni.localhost")]
    public void Example_and_test_domains_are_reserved(string domain)
        => EmailAddressPolicy.IsReservedDomain(domain).ShouldBeTrue();

    [Fact]
    public void A_real_domain_is_not_reserved()
        => EmailAddressPolicy.IsReservedDomain("bham.ac.uk").ShouldBeFalse();

    [Theory]
    [InlineData("Alice@Bham.ac.uk")]
    [InlineData("\u0430lice@bham.ac.uk")] // Cyrillic а
    [InlineData("\u03b1lice@bham.ac.uk")] // Greek α
    [InlineData("al\u0456ce@bham.ac.uk")] // Cyrillic і
    [InlineData("\uff41lice@bham.ac.uk")] // fullwidth a (NFKC)
    [InlineData("ali\u0301ce@bham.ac.uk")] // combining accent
    [InlineData("alice+rmm@bham.ac.uk")] // sub-address of the same mailbox
    [InlineData("\"alice\"@bham.ac.uk")] // quoted local part
    [InlineData("alice@bham.ac.uk.")] // fully qualified domain
    public void Look_alike_addresses_share_a_skeleton(string lookAlike)
        => EmailSkeleton.Of(lookAlike).ShouldBe(EmailSkeleton.Of("alice@bham.ac.uk"));

    [Fact]
    public void Different_addresses_have_different_skeletons()
    {
        EmailSkeleton.Of("alice@bham.ac.uk").ShouldNotBe(EmailSkeleton.Of("alicia@bham.ac.uk"));
        EmailSkeleton.Of("alice@cs.bham.ac.uk").ShouldNotBe(EmailSkeleton.Of("alice@bham.ac.uk"), "another department's alice is another person");
    }

    [Fact]
    public void A_punycode_domain_is_the_same_domain_spelled_in_unicode()
        => EmailSkeleton.Of("alice@xn--mnchen-3ya.example.ac.uk").ShouldBe(EmailSkeleton.Of("alice@münchen.example.ac.uk"));
}
