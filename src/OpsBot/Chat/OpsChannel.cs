namespace OpsBot.Chat;

/// <summary>Where the ops team reads a kind of post; each chat platform maps it to one of its channels.</summary>
public enum OpsChannel
{
    /// <summary>The daily digest.</summary>
    Daily,
    /// <summary>The weekly digest.</summary>
    Weekly,
    /// <summary>Deadline and refund alerts as they happen.</summary>
    Alerts,
    /// <summary>Proposals waiting for an approver.</summary>
    Approvals,
}
