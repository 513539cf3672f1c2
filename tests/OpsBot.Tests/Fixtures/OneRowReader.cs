using System.Collections;
using System.Data.Common;
using System.Globalization;

namespace OpsBot.Tests.Fixtures;

/// <summary>
/// The answer to every command when no server exists: exactly one row whose every column is "1" in the
/// type asked for. One row lets each code path go on to its next query (a count or a sum has its row,
/// a lookup finds its creator, a median has a value to read), and "1" parses as an enum member too
/// (Lane.Fast, RefundReason.PoorAnswer), so string-mapped enum columns materialize.
/// </summary>
public sealed class OneRowReader : DbDataReader
{
    private int position = -1;

    // EF reads columns by ordinal and never past its projection, so any width will do.
    public override int FieldCount => 64;
    public override bool HasRows => true;
    public override bool IsClosed => false;
    public override int RecordsAffected => -1;
    public override int Depth => 0;

    public override bool Read() => ++position == 0;
    public override bool NextResult() => false;
    public override bool IsDBNull(int ordinal) => false;

    public override T GetFieldValue<T>(int ordinal) =>
        typeof(T) == typeof(string) ? (T)(object)GetString(ordinal)
        : typeof(T) == typeof(bool) ? (T)(object)GetBoolean(ordinal)
        : (T)Convert.ChangeType(1, typeof(T), CultureInfo.InvariantCulture);
    public override object GetValue(int ordinal) => 1;
    public override bool GetBoolean(int ordinal) => true;
    public override byte GetByte(int ordinal) => 1;
    public override char GetChar(int ordinal) => '1';
    public override DateTime GetDateTime(int ordinal) => DateTime.UnixEpoch;
    public override decimal GetDecimal(int ordinal) => 1m;
    public override double GetDouble(int ordinal) => 1d;
    public override float GetFloat(int ordinal) => 1f;
    public override Guid GetGuid(int ordinal) => Guid.Empty;
    public override short GetInt16(int ordinal) => 1;
    public override int GetInt32(int ordinal) => 1;
    public override long GetInt64(int ordinal) => 1;
    public override string GetString(int ordinal) => "1";

    public override int GetValues(object[] values)
    {
        Array.Fill(values, 1);
        return values.Length;
    }

    public override string GetName(int ordinal) => $"c{ordinal}";
    public override int GetOrdinal(string name) => int.Parse(name[1..], CultureInfo.InvariantCulture);
    public override string GetDataTypeName(int ordinal) => "int";
    public override Type GetFieldType(int ordinal) => typeof(int);
    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length) => throw new NotSupportedException();
    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length) => throw new NotSupportedException();
    public override IEnumerator GetEnumerator() => throw new NotSupportedException();
    public override object this[int ordinal] => GetValue(ordinal);
    public override object this[string name] => GetValue(GetOrdinal(name));
}
