using OpsBot.Data;

namespace OpsBot.Proposals.ByHand;

/// <summary>The words the ops team types for each proposal kind (<c>/propose ban @anna</c>), also used in button ids.</summary>
public static class ManualKinds
{
    private static readonly (string Word, ProposalKind Kind)[] Words =
    [
        ("refund", ProposalKind.Refund), ("checkout", ProposalKind.DisableCheckout), ("ban", ProposalKind.Ban),
        ("fastlane", ProposalKind.BlockFastLane), ("price", ProposalKind.AdjustPrice), ("lift", ProposalKind.Lift),
    ];

    public static IReadOnlyList<string> All { get; } = [.. Words.Select(w => w.Word)];

    public static string WordOf(ProposalKind kind) => Words.Single(w => w.Kind == kind).Word;

    public static bool TryParse(string? word, out ProposalKind kind)
    {
        var match = Words.FirstOrDefault(w => string.Equals(w.Word, word, StringComparison.OrdinalIgnoreCase));
        kind = match.Kind;
        return match.Word is not null;
    }
}
