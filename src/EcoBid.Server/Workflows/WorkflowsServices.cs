using EcoBid.Events;
using EcoBid.Events.Rules;
using EcoBid.Jsonata;
using EcoBid.Server.Handlers.StateMachineTarget;
using EcoBid.Server.Handlers.WorkflowSignal;
using EcoBid.Server.Workflows.Contract;
using EcoBid.Server.Workflows.Persistence;
using EcoBid.Server.Workflows.Runtime;
using EcoBid.Server.Workflows.Tasks;

namespace EcoBid.Server.Workflows;

public static class WorkflowsServices
{
    /// <summary>
    /// The workflow runtime: store, durable loop, express runner, the service behind /workflows and /aws, the handler of
    /// its timers, and one starter per <c>stateMachine:Name</c> target of the rules file.
    /// </summary>
    public static IServiceCollection AddEcoBidWorkflows(this IServiceCollection services, IConfiguration configuration, RuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        services.Configure<WorkflowOptions>(configuration.GetSection(WorkflowOptions.Section));
        services.AddSingleton(WorkflowArns.From(configuration));
        services.AddSingleton(_ => new JsonataEngine(new JsonataOptions { Functions = StepFunctionsFunctions.All }));
        services.AddSingleton<WorkflowTaskRegistry>();
        services.AddSingleton<WorkflowDefinitions>();
        services.AddSingleton<IWorkflowStore, SqliteWorkflowStore>();
        services.AddSingleton<WorkflowRuntime>();
        services.AddSingleton<ExpressExecutions>();
        services.AddSingleton<WorkflowService>();
        services.AddSingleton<IWorkflowService>(provider => provider.GetRequiredService<WorkflowService>());
        services.AddEventHandler<ResumeWorkflow>(ResumeWorkflow.Target);
        foreach (var target in rules.Targets.Keys.Where(t => t.StartsWith(StartStateMachine.Prefix, StringComparison.Ordinal)))
        {
            var machine = target[StartStateMachine.Prefix.Length..];
            services.AddEventHandler(target, provider => new StartStateMachine(provider.GetRequiredService<WorkflowService>(), machine));
        }

        return services;
    }

    /// <summary>Registers an EcoBid task handler state machines call by its <see cref="IWorkflowTask.Name"/>.</summary>
    public static IServiceCollection AddWorkflowTask<TTask>(this IServiceCollection services)
        where TTask : class, IWorkflowTask
    {
        services.AddSingleton<IWorkflowTask, TTask>();
        return services;
    }
}
