using System.Globalization;
using Decrim.Evaluation;
using Decrim.Policies;
using Decrim.Substances;

namespace Decrim.Batch;

/// <summary>
/// Evaluates a CSV file of encounters into a CSV file of pathways, streaming: rows are read, evaluated and written
/// in blocks of <see cref="BlockSize"/>, so memory stays flat whatever the length of the file. The columns are
/// documented in <c>docs/batch-csv.md</c>. A malformed row stops the run with a <see cref="BatchCsvException"/>
/// naming its line and column; rows the law cannot answer (no version in force on the date) are not malformed
/// and get an <c>error</c> column instead.
/// </summary>
public sealed class BatchCsv
{
    public const int BlockSize = 1 << 16;

    private static readonly string[] Columns =
        ["id", "jurisdiction", "date", "conduct", "substance", "amount", "dependent", "age", "prior", "place", "resident", "rebutted", "outlet"];

    public static IReadOnlyList<string> InputColumns => Columns;

    public const string OutputHeader = "line,id,jurisdiction,date,substance,version,rule,offence,criminal,consequences,police,error";

    private readonly Catalogue _catalogue;
    private readonly string? _jurisdiction;
    private readonly Dictionary<string, CompiledPolicy> _compiled = new(StringComparer.Ordinal);
    private readonly Dictionary<(CompiledPolicy, int), string> _ruleText = [];
    private readonly Dictionary<(CompiledPolicy, int, uint), string> _policeText = [];
    private int _headerCount;

    public BatchCsv(Catalogue catalogue, string? jurisdiction)
    {
        _catalogue = catalogue;
        _jurisdiction = jurisdiction;
    }

    /// <summary>Reads every row of <paramref name="input"/>, writes one pathway row per input row, and returns the count.</summary>
    public long Run(TextReader input, TextWriter output, Action<long>? progress = null)
    {
        var header = input.ReadLine() ?? throw new BatchCsvException(1, null, "the file is empty; the first line must name the columns, e.g. date,substance,amount");
        var columns = ReadHeader(header);
        output.Write(OutputHeader);
        output.Write('\n');
        var table = new EncounterTable(BlockSize);
        var lines = new long[BlockSize];
        var ids = new string?[BlockSize];
        var policies = new CompiledPolicy[BlockSize];
        var codes = new PathwayCode[BlockSize];
        long line = 1, total = 0;
        var fields = new Range[InputColumns.Count + 8];
        while (true)
        {
            table.Clear();
            string? text;
            while (table.Count < BlockSize && (text = input.ReadLine()) is not null)
            {
                line++;
                if (text.Length == 0) continue;
                var i = table.Count;
                lines[i] = line;
                (ids[i], policies[i]) = ReadRow(text, line, columns, fields, table);
            }
            if (table.Count == 0) break;
            Evaluate(table, policies, codes);
            for (var i = 0; i < table.Count; i++) Write(output, lines[i], ids[i], policies[i], table, i, codes[i]);
            total += table.Count;
            progress?.Invoke(total);
        }
        return total;
    }

    /// <summary>Evaluates runs of rows that share a jurisdiction with that jurisdiction's compiled policy.</summary>
    private static void Evaluate(EncounterTable table, CompiledPolicy[] policies, PathwayCode[] codes)
    {
        var start = 0;
        for (var i = 1; i <= table.Count; i++)
        {
            if (i < table.Count && ReferenceEquals(policies[i], policies[start])) continue;
            policies[start].Evaluate(table.Slice(start, i - start), codes.AsSpan(start, i - start));
            start = i;
        }
    }

    private int[] ReadHeader(string header)
    {
        var names = header.Split(',').Select(h => h.Trim().Trim('"').ToLowerInvariant()).ToArray();
        var map = new int[InputColumns.Count];
        Array.Fill(map, -1);
        for (var i = 0; i < names.Length; i++)
        {
            var at = Array.IndexOf(Columns, names[i]);
            if (at < 0) throw new BatchCsvException(1, names[i], $"unknown column \"{names[i]}\"; the columns are {string.Join(", ", InputColumns)}");
            if (map[at] >= 0) throw new BatchCsvException(1, names[i], $"the column \"{names[i]}\" appears twice");
            map[at] = i;
        }
        _headerCount = names.Length;
        foreach (var required in new[] { "date", "substance" })
            if (map[Array.IndexOf(Columns, required)] < 0) throw new BatchCsvException(1, null, $"the header has no \"{required}\" column (header: {header})");
        if (map[Array.IndexOf(Columns, "jurisdiction")] < 0 && _jurisdiction is null)
            throw new BatchCsvException(1, null, "the file has no jurisdiction column; add one or give --jurisdiction");
        return map;
    }

    private (string? Id, CompiledPolicy Policy) ReadRow(string text, long line, int[] columns, Range[] fields, EncounterTable table)
    {
        var row = text.AsSpan();
        var count = row.Split(fields, ',');
        if (count != _headerCount)
            throw new BatchCsvException(line, null, $"the row has {(count == fields.Length ? "too many" : count.ToString(CultureInfo.InvariantCulture))} fields but the header has {_headerCount} (values may not contain commas)");
        ReadOnlySpan<char> Field(int column, Range[] f, int n, ReadOnlySpan<char> r) =>
            columns[column] is var at && at >= 0 && at < n ? r[f[at]].Trim() : [];

        var jurisdiction = Field(1, fields, count, row);
        var policy = Policy(jurisdiction.IsEmpty ? _jurisdiction ?? throw new BatchCsvException(line, "jurisdiction", "no jurisdiction given and no --jurisdiction default") : jurisdiction.ToString(), line);

        var dateText = Field(2, fields, count, row);
        if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            throw new BatchCsvException(line, "date", $"expected a date as YYYY-MM-DD but found \"{dateText}\"");

        var conductText = Field(3, fields, count, row);
        var conduct = conductText.IsEmpty ? Conduct.Possession : Word(Words.Conducts, conductText, line, "conduct");

        var substanceText = Field(4, fields, count, row);
        var substance = SubstanceVocabulary.Shared.IndexOf(substanceText);
        if (substance < 0)
            throw new BatchCsvException(line, "substance", $"unknown substance \"{substanceText}\"; known: {string.Join(", ", SubstanceVocabulary.Shared.All.Select(s => s.Id))}");

        var amountText = Field(5, fields, count, row);
        long amount = 0;
        var unit = 0;
        if (!amountText.IsEmpty)
        {
            if (!Quantity.TryParse(amountText.ToString(), out var q, out var error)) throw new BatchCsvException(line, "amount", error);
            var s = SubstanceVocabulary.Shared.All[substance];
            if (!s.Accepts(q.Unit)) throw new BatchCsvException(line, "amount", $"{s.Id} is not measured in {q.Unit.Symbol}; use {string.Join(", ", s.Units)}");
            if (!EncounterTable.TryScale(q, out amount, out var tooPrecise)) throw new BatchCsvException(line, "amount", tooPrecise);
            unit = EncounterTable.UnitSlot(q.Unit);
        }

        var dependence = Field(6, fields, count, row) switch
        {
            [] or "unknown" => Dependence.Unknown,
            "yes" or "true" => Dependence.Dependent,
            "no" or "false" => Dependence.NotDependent,
            var other => throw new BatchCsvException(line, "dependent", $"expected yes, no or unknown but found \"{other}\""),
        };
        int? age = Field(7, fields, count, row) is var ageText && ageText.IsEmpty ? null
            : int.TryParse(ageText, NumberStyles.None, CultureInfo.InvariantCulture, out var a) && a < EncounterFlags.AgeNotGiven ? a
            : throw new BatchCsvException(line, "age", $"expected an age in years (0–{EncounterFlags.AgeNotGiven - 1}) but found \"{ageText}\"");
        var prior = Field(8, fields, count, row) is var priorText && priorText.IsEmpty ? 0
            : int.TryParse(priorText, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p <= ushort.MaxValue ? p
            : throw new BatchCsvException(line, "prior", $"expected a number of prior incidents (0–{ushort.MaxValue}) but found \"{priorText}\"");
        var placeText = Field(9, fields, count, row);
        var place = placeText.IsEmpty ? Place.Public : Word(Words.Places, placeText, line, "place");
        var resident = YesNo(Field(10, fields, count, row), true, line, "resident");
        var rebutted = YesNo(Field(11, fields, count, row), false, line, "rebutted");
        var outletText = Field(12, fields, count, row);
        OutletType? outlet = outletText.IsEmpty ? null : Word(Words.Outlets, outletText, line, "outlet");

        table.Add(date, substance, amount, unit, age, prior, EncounterFlags.Pack(conduct, dependence, place, resident, rebutted, outlet));
        var id = Field(0, fields, count, row);
        return (id.IsEmpty ? null : id.ToString(), policy);
    }

    private CompiledPolicy Policy(string code, long line)
    {
        if (_compiled.TryGetValue(code, out var compiled)) return compiled;
        try
        {
            compiled = CompiledPolicy.Compile(_catalogue.Get(code));
        }
        catch (CatalogueException e)
        {
            throw new BatchCsvException(line, "jurisdiction", e.Message);
        }
        _compiled[code] = compiled;
        return compiled;
    }

    private static T Word<T>(IReadOnlyDictionary<string, T> words, ReadOnlySpan<char> text, long line, string column)
    {
        foreach (var (key, value) in words)
            if (text.Equals(key, StringComparison.OrdinalIgnoreCase)) return value;
        throw new BatchCsvException(line, column, $"unknown {column} \"{text}\"; expected one of {string.Join(", ", words.Keys)}");
    }

    private static bool YesNo(ReadOnlySpan<char> text, bool empty, long line, string column) => text switch
    {
        [] => empty,
        "yes" or "true" => true,
        "no" or "false" => false,
        _ => throw new BatchCsvException(line, column, $"expected yes or no but found \"{text}\""),
    };

    private void Write(TextWriter output, long line, string? id, CompiledPolicy policy, EncounterTable table, int i, PathwayCode code)
    {
        var columns = table.Columns;
        output.Write(line.ToString(CultureInfo.InvariantCulture));
        output.Write(',');
        output.Write(id);
        output.Write(',');
        output.Write(policy.Policy.Code);
        output.Write(',');
        output.Write(DateOnly.FromDayNumber(columns.Dates[i]).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        output.Write(',');
        output.Write(SubstanceVocabulary.Shared.All[columns.Substances[i]].Id);
        output.Write(',');
        if (code.IsError)
        {
            output.Write(",,,,,,");
            output.Write(CompiledPolicy.Describe(code.Error));
        }
        else
        {
            output.Write(RuleText(policy, code.Rule));
            output.Write(',');
            output.Write(PoliceText(policy, code));
            output.Write(',');
        }
        output.Write('\n');
    }

    /// <summary>version,rule,offence,criminal,consequences for a rule; computed once per rule.</summary>
    private string RuleText(CompiledPolicy policy, int rule)
    {
        if (_ruleText.TryGetValue((policy, rule), out var text)) return text;
        var code = PathwayCode.ForRule(rule, 0);
        var node = policy.RuleOf(code);
        text = $"{policy.VersionOf(code).Id},{node.Id},{Words.Name(node.Offence)},{(policy.IsCriminal(code) ? "yes" : "no")},{string.Join(";", node.Then.Select(r => r.Kind.Name()))}";
        _ruleText[(policy, rule)] = text;
        return text;
    }

    private string PoliceText(CompiledPolicy policy, PathwayCode code)
    {
        if (code.Police == 0) return "";
        if (_policeText.TryGetValue((policy, code.Rule, code.Police), out var text)) return text;
        text = string.Join(";", policy.PoliceOf(code).Select(p => $"{Words.Name(p.Instruction)}:{p.Id}"));
        _policeText[(policy, code.Rule, code.Police)] = text;
        return text;
    }
}

/// <summary>A malformed input row or header: the line (1 = the header), the column if known, and what was wrong.</summary>
public sealed class BatchCsvException(long line, string? column, string message)
    : Exception($"line {line}{(column is null ? "" : $", column {column}")}: {message}")
{
    public long Line { get; } = line;
    public string? Column { get; } = column;
}
