namespace OpsBot.Platform.Demo;

/// <summary>
/// A demo creator: what the platform knows about them (profile, prices) and the habits that drive their
/// history (how fast they answer, how often fans complain). Drawn once from the seed by <see cref="DemoCast"/>.
/// </summary>
internal sealed record DemoCreator(
    int Number, CreatorProfile Profile, SalesHabit Sales, ReplyHabit Replies, QualityHabit Quality,
    DateTimeOffset JoinedAt, DateTimeOffset UpsertAt, string? ReferralCode, string? ReferredByCode, StatusChange? StatusChange)
{
    public string Id => DemoIds.Next("cre", Number);

    /// <summary>Checkouts stop once ops put the creator into maintenance or banned them.</summary>
    public bool AcceptsCheckouts(DateTimeOffset at) => StatusChange is null || at < StatusChange.At;

    /// <summary>The upsert that introduces the creator (active), then the one that changes their status, if any.</summary>
    public IEnumerable<CreatorUpserted> Upserts(string currency)
    {
        var introduced = new CreatorUpserted(UpsertAt, Id, Profile.Handle, Profile.DisplayName, Profile.Email, Profile.Zone.Id,
            Profile.Locale, Sales.PriceMinor, currency, Sales.FastLaneFactor, Sales.FastLaneEnabled, "active",
            ReferralCode, ReferredByCode, JoinedAt, Profile.SlackUserId, Profile.DiscordUserId);
        yield return introduced;
        if (StatusChange is { } change)
            yield return introduced with { OccurredAt = change.At, CheckoutStatus = change.CheckoutStatus };
    }
}

internal sealed record CreatorProfile(
    string Handle, string DisplayName, string? Email, TimeZoneInfo Zone, string Locale, string? SlackUserId, string? DiscordUserId);

internal sealed record DemoOffer(string Id, int DiscountPercent);

/// <summary>Prices and demand. Volume is expressed as threads per day; visits follow from the conversion rates.</summary>
internal sealed record SalesHabit(
    long PriceMinor, bool FastLaneEnabled, decimal FastLaneFactor, double FastShare,
    IReadOnlyList<DemoOffer> Offers, double OfferShare,
    double ThreadsPerDay, double VisitToCheckout, double CheckoutToThread)
{
    public double VisitsPerDay => ThreadsPerDay / (VisitToCheckout * CheckoutToThread);
}

/// <summary>
/// Reply time is log-normal around <paramref name="MedianHours"/>; some threads are answered right before
/// the deadline (<paramref name="DeadlineDriven"/>) and some never (<paramref name="GhostRate"/>).
/// </summary>
internal sealed record ReplyHabit(double MedianHours, double Spread, double GhostRate, double DeadlineDriven, double SecondReplyRate);

/// <summary>How often fans flag an answer, how often a flag ends in a refund, and other (goodwill, duplicate) refunds.</summary>
internal sealed record QualityHabit(double FlagRate, double RefundOnFlag, double OtherRefundRate);

/// <summary>The moment ops put a creator into maintenance or banned them.</summary>
internal sealed record StatusChange(string CheckoutStatus, DateTimeOffset At);
