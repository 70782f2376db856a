using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace EcoBid.Jsonata.Tests;

public class ConcurrencyTests
{
    [Fact]
    public void Many_threads_get_their_own_correct_answers_from_a_bounded_pool()
    {
        using var engine = new JsonataEngine(new JsonataOptions { MaxEngines = 2, Timeout = TimeSpan.FromSeconds(60) });
        var failures = new ConcurrentBag<string>();
        var peak = 0;

        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, worker =>
        {
            for (var i = 0; i < 15; i++)
            {
                var n = (worker * 100) + i;
                var input = JsonNode.Parse($$"""{"n":{{n}},"items":[{{n}},{{n + 1}},{{n + 2}}]}""");
                var expression = i % 3 == 0 ? "n * 2" : i % 3 == 1 ? "$sum(items)" : "$map(items, function($v){ $v - n })";
                var expected = i % 3 == 0 ? $"{n * 2}" : i % 3 == 1 ? $"{(3 * n) + 3}" : "[0,1,2]";

                var actual = engine.Evaluate(expression, input).Value?.ToJsonString();
                if (actual != expected)
                {
                    failures.Add($"{expression} with n={n}: {actual} instead of {expected}");
                }

                InterlockedMax(ref peak, engine.LiveEngines);
            }
        });

        failures.ShouldBeEmpty();
        peak.ShouldBeLessThanOrEqualTo(2);
    }

    [Fact]
    public void Bindings_of_concurrent_evaluations_do_not_leak_into_each_other()
    {
        using var engine = new JsonataEngine(new JsonataOptions { MaxEngines = 1, Timeout = TimeSpan.FromSeconds(60) });
        var failures = new ConcurrentBag<string>();

        Parallel.For(0, 40, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            var bindings = i % 2 == 0 ? new Dictionary<string, JsonNode?> { ["v"] = i } : null;
            var result = engine.Evaluate("$v", JsonNode.Parse("{}"), bindings);
            if (result.IsDefined != (i % 2 == 0) || (result.IsDefined && result.Value!.GetValue<long>() != i))
            {
                failures.Add($"{i}: {result}");
            }
        });

        failures.ShouldBeEmpty();
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
