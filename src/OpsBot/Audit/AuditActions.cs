namespace OpsBot.Audit;

/// <summary>The audit log's verbs, one place for every feature that writes a line.</summary>
public static class AuditActions
{
    public const string ProposalCreated = "proposal.created";
    public const string ProposalApproved = "proposal.approved";
    public const string ProposalRejected = "proposal.rejected";

    /// <summary>A press that was not allowed (not an approver, the requester): recorded, nothing changed.</summary>
    public const string ProposalRefused = "proposal.refused";
    public const string ProposalSuperseded = "proposal.superseded";
    public const string ProposalExpired = "proposal.expired";
    public const string ExecutionSucceeded = "execution.succeeded";
    public const string ExecutionFailed = "execution.failed";

    /// <summary>An attempt failed and the execution waits for its next try (execution.failed is the final give-up).</summary>
    public const string ExecutionRetrying = "execution.retrying";
    public const string FlagDismissed = "flag.dismissed";

    /// <summary>A creator crossed a playbook's threshold (repeated SLA misses): a mark for the team, whatever is proposed.</summary>
    public const string CreatorFlagged = "creator.flagged";
    public const string OutboxRequeued = "outbox.requeued";
    public const string NudgeSent = "nudge.sent";
    public const string NudgeNotSent = "nudge.not-sent";
    public const string NudgeSettingChanged = "nudge.setting";
    public const string AlertRaised = "alert.raised";
    public const string AlertUpdated = "alert.updated";
    public const string AlertCleared = "alert.cleared";
}
