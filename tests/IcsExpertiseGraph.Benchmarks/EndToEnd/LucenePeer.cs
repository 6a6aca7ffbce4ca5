using System.Diagnostics;
using Lucene.Net.Analysis.En;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace IcsExpertiseGraph.Benchmarks.EndToEnd;

/// <summary>
/// The yardstick for our search: Lucene.Net with BM25 over the same people, in this process, so it pays no HTTP,
/// GraphQL, filters, facets or explanations. One document per person (id and display name stored; display name,
/// headline, bio and the names and aliases of their skills analysed in English: lower case, stop words, stemming),
/// in a memory-mapped folder. A search is the words escaped for the classic parser (nothing a person types can be
/// syntax) over the four fields, any word matching (OR, Lucene's default), top 20 by BM25 with every hit counted,
/// and the 20 hits' stored id and name read, as a results page would.
/// </summary>
public sealed class LucenePeer : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    /// <summary>
    /// In process, a search takes well under a millisecond: a warm-up as long as the service's in searches would end
    /// before the runtime's tiered compilation has optimised the hot paths (it promotes methods in the background after
    /// they are called 30 times). Warming for longer only makes Lucene faster, the conservative side for a comparison
    /// ours must win.
    /// </summary>
    private const int MinWarmupSearches = 1_000;

    private static readonly TimeSpan MinWarmup = TimeSpan.FromSeconds(2);
    private static readonly string[] Fields = ["displayName", "headline", "bio", "skills"];

    private readonly MMapDirectory directory;
    private readonly EnglishAnalyzer analyzer = new(Version);
    private readonly DirectoryReader reader;
    private readonly IndexSearcher searcher;
    private readonly MultiFieldQueryParser parser;

    private LucenePeer(MMapDirectory directory, TimeSpan build, long bytes, int documents)
    {
        this.directory = directory;
        Build = build;
        Bytes = bytes;
        Documents = documents;
        reader = DirectoryReader.Open(directory);
        searcher = new IndexSearcher(reader) { Similarity = new BM25Similarity() };
        parser = new MultiFieldQueryParser(Version, Fields, analyzer);
    }

    /// <summary>Adding every document and committing them.</summary>
    public TimeSpan Build { get; }

    /// <summary>The index's files on disk after the commit.</summary>
    public long Bytes { get; }

    public int Documents { get; }

    public static LucenePeer Create(IReadOnlyList<PersonText> people, string folder)
    {
        ArgumentNullException.ThrowIfNull(people);
        var directory = new MMapDirectory(System.IO.Directory.CreateDirectory(folder));
        var clock = Stopwatch.StartNew();
        using (var analyzer = new EnglishAnalyzer(Version))
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(Version, analyzer) { Similarity = new BM25Similarity(), OpenMode = OpenMode.CREATE }))
        {
            foreach (var person in people)
            {
                writer.AddDocument(
                [
                    new StringField("id", person.Id, Field.Store.YES),
                    new TextField("displayName", person.DisplayName, Field.Store.YES),
                    new TextField("headline", person.Headline, Field.Store.NO),
                    new TextField("bio", person.Bio, Field.Store.NO),
                    new TextField("skills", person.Skills, Field.Store.NO),
                ]);
            }

            writer.Commit();
        }

        var build = clock.Elapsed;
        var bytes = new DirectoryInfo(folder).EnumerateFiles().Sum(f => f.Length);
        return new LucenePeer(directory, build, bytes, people.Count);
    }

    /// <summary>How many searches <see cref="Warm"/> took.</summary>
    public int Warmup { get; private set; }

    /// <summary>
    /// Texts from <paramref name="warmup"/> (not timed) until at least <see cref="MinWarmupSearches"/> and
    /// <see cref="MinWarmup"/> have passed.
    /// </summary>
    public void Warm(IEnumerable<string> warmup)
    {
        ArgumentNullException.ThrowIfNull(warmup);
        var warming = Stopwatch.StartNew();
        Warmup = 0;
        foreach (var text in warmup)
        {
            Search(text);
            if (++Warmup >= MinWarmupSearches && warming.Elapsed >= MinWarmup)
            {
                break;
            }
        }
    }

    /// <summary>One search timed on its own, in milliseconds; its total hit count goes to <paramref name="totals"/>.</summary>
    public double Time(string text, List<int> totals)
    {
        ArgumentNullException.ThrowIfNull(totals);
        var started = Stopwatch.GetTimestamp();
        var total = Search(text);
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        totals.Add(total);
        return elapsed;
    }

    public void Dispose()
    {
        reader.Dispose();
        analyzer.Dispose();
        directory.Dispose();
    }

    /// <summary>One search as timed: parse, top 20 with the total counted, the page's stored fields read.</summary>
    private int Search(string text)
    {
        // Lower case first: escaping covers the parser's characters, and lower case words are never its AND/OR/NOT.
        var query = parser.Parse(QueryParserBase.Escape(text.ToLowerInvariant()));
        var top = searcher.Search(query, 20);
        foreach (var hit in top.ScoreDocs)
        {
            var document = searcher.Doc(hit.Doc);
            if (document.Get("id") is null || document.Get("displayName") is null)
            {
                throw new InvalidOperationException("A Lucene hit without its stored id and name.");
            }
        }

        return top.TotalHits;
    }
}
