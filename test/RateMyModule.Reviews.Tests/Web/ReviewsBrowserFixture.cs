using RateMyModule.TestBase.Browser;

namespace RateMyModule.Reviews.Tests.Web;

/// <summary>The TestBase browser fixture over <see cref="ReviewsWebFactory"/> and the Reviews test doubles.</summary>
public sealed class ReviewsBrowserFixture : BrowserAppFixture<ReviewsWebFactory>;
