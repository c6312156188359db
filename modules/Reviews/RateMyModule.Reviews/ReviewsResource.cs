namespace RateMyModule.Reviews;

/// <summary>Marker of the Reviews module's texts (Localization/Resources/en.json and cy.json).</summary>
public sealed class ReviewsResource;
