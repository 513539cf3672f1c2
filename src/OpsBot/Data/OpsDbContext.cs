using Microsoft.EntityFrameworkCore;

namespace OpsBot.Data;

/// <summary>
/// The ops store. One model, two providers: <see cref="SqliteOpsDbContext"/> and
/// <see cref="SqlServerOpsDbContext"/> exist only so each provider keeps its own migration set.
/// </summary>
public abstract class OpsDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Creator> Creators => Set<Creator>();
    public DbSet<Thread> Threads => Set<Thread>();
    public DbSet<Reply> Replies => Set<Reply>();
    public DbSet<Refund> Refunds => Set<Refund>();
    public DbSet<ChatVisit> ChatVisits => Set<ChatVisit>();
    public DbSet<Checkout> Checkouts => Set<Checkout>();
    public DbSet<MessageFlag> MessageFlags => Set<MessageFlag>();
    public DbSet<RefundReview> RefundReviews => Set<RefundReview>();
    public DbSet<ProcessedEvent> ProcessedEvents => Set<ProcessedEvent>();
    public DbSet<PlaygroundMessage> PlaygroundMessages => Set<PlaygroundMessage>();
    public DbSet<SlackEventReceipt> SlackEventReceipts => Set<SlackEventReceipt>();
    public DbSet<JobRun> JobRuns => Set<JobRun>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<Alert> Alerts => Set<Alert>();
    public DbSet<Nudge> Nudges => Set<Nudge>();
    public DbSet<CreatorNudgeSetting> CreatorNudgeSettings => Set<CreatorNudgeSetting>();
    public DbSet<Proposal> Proposals => Set<Proposal>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // Instants are stored as UTC Unix milliseconds: comparable, orderable and subtractable in SQL
        // on both providers (SQLite cannot compare or order DateTimeOffset columns).
        builder.Properties<DateTimeOffset>().HaveConversion<UnixMillisecondsConverter>();
    }

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.ApplyConfiguration(new Creator.Configuration());
        b.ApplyConfiguration(new Thread.Configuration());
        b.ApplyConfiguration(new Reply.Configuration());
        b.ApplyConfiguration(new Refund.Configuration());
        b.ApplyConfiguration(new ChatVisit.Configuration());
        b.ApplyConfiguration(new Checkout.Configuration());
        b.ApplyConfiguration(new MessageFlag.Configuration());
        b.ApplyConfiguration(new RefundReview.Configuration());
        b.ApplyConfiguration(new ProcessedEvent.Configuration());
        b.ApplyConfiguration(new PlaygroundMessage.Configuration());
        b.ApplyConfiguration(new SlackEventReceipt.Configuration());
        b.ApplyConfiguration(new JobRun.Configuration());
        b.ApplyConfiguration(new OutboxMessage.Configuration());
        b.ApplyConfiguration(new Alert.Configuration());
        b.ApplyConfiguration(new Nudge.Configuration());
        b.ApplyConfiguration(new CreatorNudgeSetting.Configuration());
        b.ApplyConfiguration(new Proposal.Configuration());
        b.ApplyConfiguration(new AuditEntry.Configuration());
    }
}

public sealed class SqliteOpsDbContext(DbContextOptions<SqliteOpsDbContext> options) : OpsDbContext(options);

public sealed class SqlServerOpsDbContext(DbContextOptions<SqlServerOpsDbContext> options) : OpsDbContext(options);
