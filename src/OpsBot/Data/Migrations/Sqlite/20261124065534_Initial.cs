using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpsBot.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ChatVisits",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CreatorId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    VisitorId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChatVisits", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Checkouts",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    CreatorId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Lane = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    OfferId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Checkouts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Creators",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Handle = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    HandleKey = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    Email = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    TimeZone = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    Locale = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    StandardPriceMinor = table.Column<long>(type: "INTEGER", nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    FastLaneFactor = table.Column<decimal>(type: "TEXT", precision: 9, scale: 4, nullable: false),
                    FastLaneEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    CheckoutStatus = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ReferralCode = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    ReferredByCode = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    JoinedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    SlackUserId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    DiscordUserId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Creators", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MessageFlags",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ThreadId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    MessageId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MessageFlags", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PlaygroundMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 160, nullable: false),
                    Author = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    VisibleTo = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Content = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlaygroundMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProcessedEvents",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    OccurredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProcessedEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RefundReviews",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ThreadId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 512, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RefundReviews", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Refunds",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    ThreadId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    AmountMinor = table.Column<long>(type: "INTEGER", nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Automatic = table.Column<bool>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Refunds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Replies",
                columns: table => new
                {
                    ThreadId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    MessageId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Replies", x => new { x.ThreadId, x.MessageId });
                });

            migrationBuilder.CreateTable(
                name: "Threads",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    CreatorId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    FanId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    CheckoutId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    Lane = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    OfferId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    AmountMinor = table.Column<long>(type: "INTEGER", nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DeadlineAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AllowedMs = table.Column<long>(type: "INTEGER", nullable: false),
                    FirstReplyAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReplyMs = table.Column<long>(type: "INTEGER", nullable: true),
                    RefundedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Threads", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ChatVisits_At",
                table: "ChatVisits",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_ChatVisits_CreatorId_At",
                table: "ChatVisits",
                columns: new[] { "CreatorId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Checkouts_At",
                table: "Checkouts",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_Checkouts_CreatorId_At",
                table: "Checkouts",
                columns: new[] { "CreatorId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Creators_HandleKey",
                table: "Creators",
                column: "HandleKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Creators_ReferralCode",
                table: "Creators",
                column: "ReferralCode");

            migrationBuilder.CreateIndex(
                name: "IX_Creators_ReferredByCode",
                table: "Creators",
                column: "ReferredByCode");

            migrationBuilder.CreateIndex(
                name: "IX_MessageFlags_At",
                table: "MessageFlags",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_MessageFlags_ThreadId",
                table: "MessageFlags",
                column: "ThreadId");

            migrationBuilder.CreateIndex(
                name: "IX_PlaygroundMessages_Channel_CreatedAt",
                table: "PlaygroundMessages",
                columns: new[] { "Channel", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RefundReviews_At",
                table: "RefundReviews",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_RefundReviews_ThreadId",
                table: "RefundReviews",
                column: "ThreadId");

            migrationBuilder.CreateIndex(
                name: "IX_Refunds_At_ThreadId",
                table: "Refunds",
                columns: new[] { "At", "ThreadId" });

            migrationBuilder.CreateIndex(
                name: "IX_Refunds_ThreadId",
                table: "Refunds",
                column: "ThreadId");

            migrationBuilder.CreateIndex(
                name: "IX_Threads_ClosedAt_DeadlineAt",
                table: "Threads",
                columns: new[] { "ClosedAt", "DeadlineAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Threads_CreatedAt_CreatorId_AmountMinor",
                table: "Threads",
                columns: new[] { "CreatedAt", "CreatorId", "AmountMinor" });

            migrationBuilder.CreateIndex(
                name: "IX_Threads_CreatorId_ClosedAt_CreatedAt_DeadlineAt",
                table: "Threads",
                columns: new[] { "CreatorId", "ClosedAt", "CreatedAt", "DeadlineAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Threads_CreatorId_CreatedAt",
                table: "Threads",
                columns: new[] { "CreatorId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Threads_CreatorId_DeadlineAt_FirstReplyAt",
                table: "Threads",
                columns: new[] { "CreatorId", "DeadlineAt", "FirstReplyAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Threads_CreatorId_FirstReplyAt_Lane_ReplyMs_AllowedMs",
                table: "Threads",
                columns: new[] { "CreatorId", "FirstReplyAt", "Lane", "ReplyMs", "AllowedMs" });

            migrationBuilder.CreateIndex(
                name: "IX_Threads_CreatorId_RefundedAt",
                table: "Threads",
                columns: new[] { "CreatorId", "RefundedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Threads_DeadlineAt_CreatorId_FirstReplyAt",
                table: "Threads",
                columns: new[] { "DeadlineAt", "CreatorId", "FirstReplyAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Threads_FirstReplyAt_CreatorId_Lane_ReplyMs_AllowedMs",
                table: "Threads",
                columns: new[] { "FirstReplyAt", "CreatorId", "Lane", "ReplyMs", "AllowedMs" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ChatVisits");

            migrationBuilder.DropTable(
                name: "Checkouts");

            migrationBuilder.DropTable(
                name: "Creators");

            migrationBuilder.DropTable(
                name: "MessageFlags");

            migrationBuilder.DropTable(
                name: "PlaygroundMessages");

            migrationBuilder.DropTable(
                name: "ProcessedEvents");

            migrationBuilder.DropTable(
                name: "RefundReviews");

            migrationBuilder.DropTable(
                name: "Refunds");

            migrationBuilder.DropTable(
                name: "Replies");

            migrationBuilder.DropTable(
                name: "Threads");
        }
    }
}
