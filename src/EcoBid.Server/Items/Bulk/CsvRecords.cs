using System.Text;

namespace EcoBid.Server.Items.Bulk;

/// <summary>One record of a CSV text and the line it starts on (1 for the first line).</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);

/// <summary>
/// Splits RFC 4180 text into records: fields separated by commas; a field in double quotes may hold commas, line
/// breaks and doubled quotes; CRLF or LF ends a record; empty lines are skipped. Anything else is refused with the
/// line it is on, never guessed at.
/// </summary>
public static class CsvRecords
{
    public static (IReadOnlyList<CsvRecord> Records, string? Error) Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var records = new List<CsvRecord>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoteLine = 0;
        var inQuotes = false;
        var closed = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i += 2;
                    continue;
                }

                if (c == '"')
                {
                    inQuotes = false;
                    closed = true;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }

                i++;
                continue;
            }

            if (closed && c is not (',' or '\r' or '\n'))
            {
                return ([], $"Line {line}: only a comma or the end of the line may follow a closing quote.");
            }

            switch (c)
            {
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    closed = false;
                    i++;
                    break;
                case '"' when field.Length == 0:
                    inQuotes = true;
                    quoteLine = line;
                    i++;
                    break;
                case '"':
                    return ([], $"Line {line}: a quote inside an unquoted field; quote the whole field and double the quotes in it.");
                case '\r' or '\n':
                    End(records, fields, field, recordLine, closed);
                    fields = [];
                    closed = false;
                    i += c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                    line++;
                    recordLine = line;
                    break;
                default:
                    field.Append(c);
                    i++;
                    break;
            }
        }

        if (inQuotes)
        {
            return ([], $"Line {quoteLine}: a quoted field is not closed.");
        }

        if (field.Length > 0 || fields.Count > 0 || closed)
        {
            End(records, fields, field, recordLine, closed);
        }

        return (records, null);
    }

    private static void End(List<CsvRecord> records, List<string> fields, StringBuilder field, int line, bool quoted)
    {
        fields.Add(field.ToString());
        field.Clear();
        if (fields is [{ Length: 0 }] && !quoted)
        {
            return;
        }

        records.Add(new CsvRecord(line, fields));
    }
}
