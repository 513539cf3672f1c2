using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpsBot.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ProposalBaseline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "BaselineCheckoutStatus",
                table: "Proposals",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "BaselineFastLaneEnabled",
                table: "Proposals",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "BaselineFastLaneFactor",
                table: "Proposals",
                type: "TEXT",
                precision: 9,
                scale: 4,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "BaselinePriceMinor",
                table: "Proposals",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "BaselineCheckoutStatus",
                table: "Proposals");

            migrationBuilder.DropColumn(
                name: "BaselineFastLaneEnabled",
                table: "Proposals");

            migrationBuilder.DropColumn(
                name: "BaselineFastLaneFactor",
                table: "Proposals");

            migrationBuilder.DropColumn(
                name: "BaselinePriceMinor",
                table: "Proposals");
        }
    }
}
