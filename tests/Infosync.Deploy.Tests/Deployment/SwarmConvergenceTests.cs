using Infosync.Deploy.Deployment;
using Xunit;

namespace Infosync.Deploy.Tests.Deployment;

/// <summary>When a Swarm update counts as converged, still under way, or failed for good, and what the failure says.</summary>
public sealed class SwarmConvergenceTests
{
    private const string V2 = "r/app:v2";

    private static SwarmTask Task(int slot, string node, string image, string state, string error = "", string desired = "Running") =>
        new($"id{slot}{node}", $"infosync-dev_web.{slot}", node, image, desired, state, error);

    private static SwarmServiceState Service(string? update = "completed", string? message = null) => new("infosync-dev_web", V2 + "@sha256:ab", 3, update, message);

    [Fact]
    public void Every_replica_running_the_new_image_and_the_update_completed_is_converged()
    {
        var tasks = Enumerable.Range(1, 3).Select(slot => Task(slot, $"sw{slot}", V2 + "@sha256:ab", "Running 3 seconds ago")).ToList();

        Assert.True(SwarmConvergence.Judge("web", Service(), tasks, V2).Healthy);
        Assert.True(SwarmConvergence.Judge("web", Service(update: null), tasks, V2).Healthy);
    }

    [Fact]
    public void Completed_with_a_replica_missing_is_not_converged()
    {
        // Measured on the three-node rig: a killed node's task gone, the update still said completed.
        var tasks = Enumerable.Range(1, 2).Select(slot => Task(slot, $"sw{slot}", V2 + "@sha256:ab", "Running 3 seconds ago")).ToList();

        var verdict = SwarmConvergence.Judge("web", Service(), tasks, V2);

        Assert.False(verdict.Healthy || verdict.Hopeless);
        Assert.Equal("2 of 3 task(s) of web run r/app:v2", verdict.Reason);
    }

    [Fact]
    public void Old_tasks_still_running_do_not_count()
    {
        var tasks = new[] { Task(1, "sw1", V2, "Running 1 second ago"), Task(2, "sw2", "r/app:v1@sha256:cd", "Running 9 minutes ago"), Task(3, "sw3", "r/app:v1", "Running 9 minutes ago") };

        Assert.Equal("1 of 3 task(s) of web run r/app:v2", SwarmConvergence.Judge("web", Service("updating"), tasks, V2).Reason);
    }

    [Fact]
    public void A_rolled_back_update_fails_at_once_naming_the_node_and_the_tasks_error()
    {
        var tasks = new[] { Task(2, "infosync-sw3", V2, "Failed 4 seconds ago", "task: non-zero exit (3)", desired: "Shutdown"), Task(2, "infosync-sw3", "r/app:v1", "Running 1 second ago") };

        var verdict = SwarmConvergence.Judge("web", Service("rollback_completed", "rollback completed"), tasks, V2);

        Assert.True(verdict.Hopeless);
        Assert.Equal("Swarm's update of web ended rollback completed (rollback completed); task infosync-dev_web.2 on infosync-sw3: " +
            "Failed 4 seconds ago: task: non-zero exit (3)", verdict.Reason);
    }

    [Fact]
    public void A_rollback_Swarm_has_started_is_waited_for_and_fails_once_completed()
    {
        var tasks = new[] { Task(2, "infosync-sw2", V2, "Failed 1 second ago", "task: non-zero exit (3)", desired: "Shutdown"), Task(3, "infosync-sw3", "r/app:v1", "Running 9 minutes ago") };

        var rolling = SwarmConvergence.Judge("web", Service("rollback_started", "update rolled back due to failure or early termination of task x"), tasks, V2);
        var done = SwarmConvergence.Judge("web", Service("rollback_completed", "rollback completed"), tasks, V2);

        Assert.False(rolling.Healthy || rolling.Hopeless);
        Assert.Equal("Swarm is rolling the update of web back (update rolled back due to failure or early termination of task x); " +
            "task infosync-dev_web.2 on infosync-sw2: Failed 1 second ago: task: non-zero exit (3)", rolling.Reason);
        Assert.True(done.Hopeless);
    }

    [Fact]
    public void A_task_no_node_can_take_is_waited_for_and_fails_once_that_has_lasted_the_grace()
    {
        var tasks = new[] { Task(3, "", V2, "Pending 20 seconds ago", "no suitable node (host-mode port already in use on 3 nodes)") };

        var brief = SwarmConvergence.Judge("web", Service("updating"), tasks, V2, TimeSpan.FromSeconds(4));
        var lasting = SwarmConvergence.Judge("web", Service("updating"), tasks, V2, SwarmConvergence.NoNodeGrace);

        Assert.False(brief.Healthy || brief.Hopeless);
        Assert.True(lasting.Hopeless);
        Assert.Equal("no node can take a task of web (30 s so far): infosync-dev_web.3 on no node: Pending 20 seconds ago: " +
            "no suitable node (host-mode port already in use on 3 nodes)", lasting.Reason);
        Assert.Same(tasks[0], SwarmConvergence.Unplaceable(tasks));
        Assert.Null(SwarmConvergence.Unplaceable([Task(3, "sw3", V2, "Running 1 second ago")]));
    }

    [Fact]
    public void Docker_service_ps_lines_are_parsed_with_the_history_marker_removed()
    {
        var tasks = SwarmServices.ParseTasks("""
            {"CurrentState":"Running 5 seconds ago","DesiredState":"Running","Error":"","ID":"abc","Image":"r/app:v2@sha256:ab","Name":"s_web.1","Node":"sw1","Ports":""}
            {"CurrentState":"Shutdown 6 seconds ago","DesiredState":"Shutdown","Error":"","ID":"def","Image":"r/app:v1","Name":" \\_ s_web.1","Node":"sw1","Ports":""}
            """);

        Assert.Equal([("s_web.1", true, true), ("s_web.1", false, false)], tasks.Select(task => (task.Name, task.Running, task.Runs(V2))));
    }
}
