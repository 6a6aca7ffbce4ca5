using IcsExpertiseGraph.Api.Auth;
using IcsExpertiseGraph.Api.Domain;

namespace IcsExpertiseGraph.Api.Experts;

/// <summary>
/// Postings of the skills' names and aliases as phrases, kept beside the word postings. For each label's words (fillers
/// dropped, as a recognised name reaches the text): who has every word, each word's frequency for them, and for each of
/// those words how many live people of each visibility have it and how long its postings are. A typed skill name is then
/// scored from one short list; without it, every posting of its common words would be walked, to count them for the
/// viewer and to find who has them all. Words match as the word postings match them: a word of three letters or more
/// stands for every indexed word it begins, summed in vocabulary (ordinal) order; a shorter one only for itself.
/// Immutable: <see cref="Apply"/> makes the next from the changed people's words, as the word postings follow the feed.
/// </summary>
internal sealed class PhrasePostings
{
    private readonly Dictionary<string, Phrase> phrases;
    private readonly Dictionary<string, WordStatistics> words;

    private PhrasePostings(Dictionary<string, Phrase> phrases, Dictionary<string, WordStatistics> words) =>
        (this.phrases, this.words) = (phrases, words);

    /// <summary>The phrase of these words (in the order typed), when it is a skill's name or alias.</summary>
    public Phrase? Find(IReadOnlyList<string> group) =>
        group.Count > 1 && phrases.TryGetValue(string.Join(' ', group), out var phrase) ? phrase : null;

    /// <summary>A phrase word's statistics (every word of a kept phrase has them).</summary>
    public WordStatistics Statistics(string word) => words[word];

    /// <summary>
    /// The postings for every label's words: <paramref name="listsOf"/> gives the word postings a word stands for, in
    /// vocabulary order; <paramref name="visibilityAt"/> a live person's visibility.
    /// </summary>
    public static PhrasePostings Build(IEnumerable<IReadOnlyList<string>> labels, Func<string, (int Person, float Frequency)[][]> listsOf,
        Func<int, Visibility> visibilityAt, int people)
    {
        var phrases = new Dictionary<string, Phrase>(StringComparer.Ordinal);
        var words = new Dictionary<string, WordStatistics>(StringComparer.Ordinal);
        var level = new int[people];
        var seen = new int[people];
        var stamp = 0;
        var frequencies = new List<float[]>();
        var reached = new List<int>();
        foreach (var label in labels)
        {
            if (label.Count < 2 || phrases.ContainsKey(string.Join(' ', label)))
            {
                continue;
            }

            var lists = new (int Person, float Frequency)[label.Count][][];
            for (var w = 0; w < label.Count; w++)
            {
                lists[w] = listsOf(label[w]);
                if (!words.ContainsKey(label[w]))
                {
                    stamp++;
                    var (byVisibility, postings) = (new int[3], 0L);
                    foreach (var list in lists[w])
                    {
                        postings += list.Length;
                        foreach (var (person, _) in list)
                        {
                            if (seen[person] != stamp)
                            {
                                seen[person] = stamp;
                                byVisibility[(int)visibilityAt(person)]++;
                            }
                        }
                    }

                    words[label[w]] = new WordStatistics(byVisibility[0], byVisibility[1], byVisibility[2], postings);
                }
            }

            while (frequencies.Count < label.Count)
            {
                frequencies.Add(new float[people]);
            }

            // Who has every word, a word at a time: level counts the words a person has so far; a second list of the same
            // word (a longer word it begins) adds to that word's frequency.
            reached.Clear();
            for (var w = 0; w < label.Count; w++)
            {
                var frequency = frequencies[w];
                foreach (var list in lists[w])
                {
                    foreach (var (person, count) in list)
                    {
                        if (level[person] == w)
                        {
                            level[person] = w + 1;
                            frequency[person] = count;
                            if (w == 0)
                            {
                                reached.Add(person);
                            }
                        }
                        else if (level[person] == w + 1)
                        {
                            frequency[person] += count;
                        }
                    }
                }
            }

            var members = new List<int>();
            foreach (var person in reached)
            {
                if (level[person] == label.Count)
                {
                    members.Add(person);
                }

                level[person] = 0;
            }

            members.Sort();
            var held = new float[members.Count * label.Count];
            for (var m = 0; m < members.Count; m++)
            {
                for (var w = 0; w < label.Count; w++)
                {
                    held[(m * label.Count) + w] = frequencies[w][members[m]];
                }
            }

            phrases[string.Join(' ', label)] = new Phrase([.. label], [.. members], held);
        }

        return new PhrasePostings(phrases, words);
    }

    /// <summary>
    /// The next postings, with each changed person's words and visibility as <paramref name="changes"/> gives them before
    /// and after (null: not live). Costs what the changed people touch: a phrase none of them has before or after is shared.
    /// </summary>
    public PhrasePostings Apply(IReadOnlyList<(int Position, PersonWords? Before, PersonWords? After)> changes)
    {
        if (changes.Count == 0)
        {
            return this;
        }

        var nextWords = new Dictionary<string, WordStatistics>(words.Count, StringComparer.Ordinal);
        foreach (var (word, statistics) in words)
        {
            var next = statistics;
            foreach (var (_, before, after) in changes)
            {
                next = next.Less(before, word).More(after, word);
            }

            nextWords[word] = next;
        }

        var nextPhrases = new Dictionary<string, Phrase>(phrases.Count, StringComparer.Ordinal);
        var frequencies = new float[8];
        foreach (var (key, phrase) in phrases)
        {
            nextPhrases[key] = phrase.With(changes, ref frequencies);
        }

        return new PhrasePostings(nextPhrases, nextWords);
    }

    /// <summary>
    /// How many of a person's words (sorted) this word stands for, and their frequency summed in that order (0 and 0 when
    /// none): the word itself, and for a word of three letters or more every word it begins (as ExpertIndex.WithPrefix).
    /// </summary>
    private static (int Words, float Frequency) Match(PersonWords person, string word)
    {
        var tokens = person.Tokens;
        var at = Array.BinarySearch(tokens, word, StringComparer.Ordinal);
        if (word.Length < 3)
        {
            return at >= 0 ? (1, person.Counts[at]) : (0, 0);
        }

        var (count, sum) = (0, 0f);
        for (var i = at < 0 ? ~at : at; i < tokens.Length && tokens[i].StartsWith(word, StringComparison.Ordinal); i++)
        {
            count++;
            sum += person.Counts[i];
        }

        return (count, sum);
    }

    /// <summary>A person's indexed words (in ordinal order) with their counts, and their visibility.</summary>
    internal sealed record PersonWords(string[] Tokens, float[] Counts, Visibility Visibility);

    /// <summary>
    /// A phrase word's live holders by visibility (for its document frequency as each kind of viewer counts it) and the length of
    /// the postings it stands for (the order the words of a phrase are taken in).
    /// </summary>
    internal readonly record struct WordStatistics(int Public, int Network, int Private, long Postings)
    {
        /// <summary>How many people hold the word among those this viewer's statistics count (as <c>PeopleBits.CountedFor</c>).</summary>
        public int Holding(Viewer viewer) => viewer.IsAdmin ? Public + Network + Private : viewer.IsMember ? Public + Network : Public;

        public WordStatistics Less(PersonWords? person, string word) => Moved(person, word, -1);

        public WordStatistics More(PersonWords? person, string word) => Moved(person, word, +1);

        private WordStatistics Moved(PersonWords? person, string word, int sign)
        {
            if (person is null)
            {
                return this;
            }

            var postings = Match(person, word).Words;
            if (postings == 0)
            {
                return this;
            }

            var moved = this with { Postings = Postings + (sign * postings) };
            return person.Visibility switch
            {
                Visibility.Public => moved with { Public = Public + sign },
                Visibility.Network => moved with { Network = Network + sign },
                _ => moved with { Private = Private + sign },
            };
        }
    }

    /// <summary>
    /// One phrase's postings: the people (positions, ascending) who have every word, and each one's frequency of each word
    /// (person by person, words in the phrase's order).
    /// </summary>
    internal sealed class Phrase(string[] words, int[] people, float[] frequencies)
    {
        public string[] Words => words;

        public int[] People => people;

        /// <summary>The frequency of word <paramref name="word"/> for the person at <paramref name="index"/> in <see cref="People"/>.</summary>
        public float Frequency(int index, int word) => frequencies[(index * words.Length) + word];

        /// <summary>This phrase with the changed people as they are after the changes (itself when none has it before or after).</summary>
        public Phrase With(IReadOnlyList<(int Position, PersonWords? Before, PersonWords? After)> changes, ref float[] scratch)
        {
            if (scratch.Length < words.Length)
            {
                scratch = new float[words.Length];
            }

            var n = words.Length;
            List<(int Position, float[] Frequencies)>? fresh = null;
            var changed = new HashSet<int>();
            var gone = 0;
            foreach (var (position, _, after) in changes)
            {
                changed.Add(position);
                gone += Array.BinarySearch(people, position) >= 0 ? 1 : 0;
                if (after is null)
                {
                    continue;
                }

                var all = true;
                for (var w = 0; w < n && all; w++)
                {
                    scratch[w] = Match(after, words[w]).Frequency;
                    all = scratch[w] > 0;
                }

                if (all)
                {
                    (fresh ??= []).Add((position, scratch[..n]));
                }
            }

            if (gone == 0 && fresh is null)
            {
                return this;
            }

            // Merged in position order: the people kept, without the changed ones, and the changed ones who have it now.
            fresh?.Sort((x, y) => x.Position.CompareTo(y.Position));
            var added = fresh?.Count ?? 0;
            var nextPeople = new int[people.Length - gone + added];
            var held = new float[nextPeople.Length * n];
            int i = 0, f = 0, to = 0;
            while (i < people.Length || f < added)
            {
                if (i < people.Length && changed.Contains(people[i]))
                {
                    i++;
                }
                else if (f < added && (i == people.Length || fresh![f].Position < people[i]))
                {
                    nextPeople[to] = fresh![f].Position;
                    fresh[f++].Frequencies.CopyTo(held, to++ * n);
                }
                else
                {
                    nextPeople[to] = people[i];
                    Array.Copy(frequencies, i++ * n, held, to++ * n, n);
                }
            }

            return new Phrase(words, nextPeople, held);
        }
    }
}
