using System.Globalization;
using System.Text.RegularExpressions;

namespace IcsExpertiseGraph.Tests;

/// <summary>
/// Reads what a .cypher statement says without a server: the columns its top-level RETURN gives (so a fake Query API can
/// answer with exactly those), and the value of a simple boolean guard (comparisons of properties, parameters and
/// literals joined by AND, OR, NOT and IS [NOT] NULL), so a test can hold the guard to the C# rule it states. Anything
/// richer than that is refused, which fails the test that asked: a guard that matters should stay this simple.
/// </summary>
internal static partial class CypherText
{
    /// <summary>The statement without its // comment lines.</summary>
    public static string WithoutComments(string statement) =>
        string.Join('\n', statement.ReplaceLineEndings("\n").Split('\n').Where(l => !l.TrimStart().StartsWith("//", StringComparison.Ordinal)));

    /// <summary>The column names of the statement's last top-level RETURN (an alias, else the expression's text); none without one.</summary>
    public static IReadOnlyList<string> ReturnColumns(string statement)
    {
        var text = WithoutComments(statement);
        var depth = 0;
        var start = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\'' or '"' or '`')
            {
                i = text.IndexOf(c, i + 1);
                continue;
            }

            depth += c is '{' or '(' or '[' ? 1 : c is '}' or ')' or ']' ? -1 : 0;
            if (depth == 0 && KeywordAt(text, i, "RETURN"))
            {
                start = i + "RETURN".Length;
            }
        }

        if (start < 0)
        {
            return [];
        }

        var items = new List<string>();
        var item = new System.Text.StringBuilder();
        depth = 0;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (depth == 0 && (KeywordAt(text, i, "ORDER") || KeywordAt(text, i, "SKIP") || KeywordAt(text, i, "LIMIT") || KeywordAt(text, i, "UNION") || c == ';'))
            {
                break;
            }

            depth += c is '{' or '(' or '[' ? 1 : c is '}' or ')' or ']' ? -1 : 0;
            if (depth == 0 && c == ',')
            {
                items.Add(item.ToString());
                item.Clear();
                continue;
            }

            item.Append(c);
        }

        items.Add(item.ToString());
        return [.. items.Select(Column)];
    }

    private static string Column(string item)
    {
        var trimmed = Regex.Replace(item.Trim(), @"^DISTINCT\s+", "", RegexOptions.IgnoreCase);
        var alias = Alias().Match(trimmed);
        return alias.Success ? alias.Groups[1].Value.Trim('`') : Regex.Replace(trimmed, @"\s+", " ");
    }

    private static bool KeywordAt(string text, int i, string keyword) =>
        string.Compare(text, i, keyword, 0, keyword.Length, StringComparison.OrdinalIgnoreCase) == 0
        && (i == 0 || !IsWordChar(text[i - 1]))
        && (i + keyword.Length >= text.Length || !IsWordChar(text[i + keyword.Length]));

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '_' or '$' or '.';

    /// <summary>The guard on the one line of the statement that mentions <paramref name="marker"/>, without a leading WHERE or AND.</summary>
    public static string GuardMentioning(string statement, string marker)
    {
        var lines = WithoutComments(statement).Split('\n').Where(l => l.Contains(marker, StringComparison.Ordinal)).ToList();
        var line = Assert.Single(lines.Distinct());
        return Regex.Replace(line.Trim(), @"^(WHERE|AND)\s+", "", RegexOptions.IgnoreCase);
    }

    /// <summary>The value of a simple guard, with each <c>$param</c> and <c>variable.property</c> looked up in <paramref name="values"/> (null when absent).</summary>
    public static bool Evaluate(string guard, IReadOnlyDictionary<string, object?> values) =>
        new Evaluator([.. Token().Matches(guard).Select(m => m.Value)], values).Run();

    private sealed class Evaluator(List<string> tokens, IReadOnlyDictionary<string, object?> values)
    {
        private int at;

        public bool Run()
        {
            var value = Or();
            Assert.True(at == tokens.Count, $"Unexpected '{string.Join(' ', tokens.Skip(at))}' in a guard.");
            return value;
        }

        private bool Or()
        {
            var value = And();
            while (Take("OR"))
            {
                value |= And();
            }

            return value;
        }

        private bool And()
        {
            var value = Not();
            while (Take("AND"))
            {
                value &= Not();
            }

            return value;
        }

        private bool Not() => Take("NOT") ? !Not() : Comparison();

        private bool Comparison()
        {
            if (Take("("))
            {
                var inner = Or();
                Assert.True(Take(")"), "A guard's parenthesis is not closed.");
                return inner;
            }

            var left = Operand();
            if (Take("IS"))
            {
                var negated = Take("NOT");
                Assert.True(Take("NULL"), "Only IS NULL and IS NOT NULL are understood.");
                return (left is null) != negated;
            }

            if (at < tokens.Count && tokens[at] is "=" or "<>" or ">=" or "<=" or ">" or "<")
            {
                var op = tokens[at++];
                var right = Operand();
                if (left is null || right is null)
                {
                    return false; // Cypher's null comparison is null, which a WHERE treats as false
                }

                var order = left is long l && right is long r ? l.CompareTo(r) : string.CompareOrdinal(Convert.ToString(left, CultureInfo.InvariantCulture), Convert.ToString(right, CultureInfo.InvariantCulture));
                return op switch
                {
                    "=" => Equals(left, right),
                    "<>" => !Equals(left, right),
                    ">=" => order >= 0,
                    "<=" => order <= 0,
                    ">" => order > 0,
                    _ => order < 0,
                };
            }

            Assert.True(left is bool, $"'{tokens[at - 1]}' is not a condition.");
            return (bool)left!;
        }

        private object? Operand()
        {
            Assert.True(at < tokens.Count, "A guard ends too early.");
            var token = tokens[at++];
            return token switch
            {
                _ when token.StartsWith('\'') => token[1..^1],
                "true" or "TRUE" => true,
                "false" or "FALSE" => false,
                _ when long.TryParse(token, CultureInfo.InvariantCulture, out var number) => number,
                _ when token.StartsWith('$') || token.Contains('.', StringComparison.Ordinal) => values.GetValueOrDefault(token),
                _ => throw new Xunit.Sdk.XunitException($"'{token}' is not understood in a guard."),
            };
        }

        private bool Take(string token)
        {
            if (at < tokens.Count && string.Equals(tokens[at], token, StringComparison.OrdinalIgnoreCase))
            {
                at++;
                return true;
            }

            return false;
        }
    }

    [GeneratedRegex(@"\bAS\s+(\w+|`[^`]+`)$", RegexOptions.IgnoreCase)]
    private static partial Regex Alias();

    [GeneratedRegex(@"'[^']*'|<>|>=|<=|[=<>()]|\$?[A-Za-z_][\w.]*|-?\d+|\S")]
    private static partial Regex Token();
}
