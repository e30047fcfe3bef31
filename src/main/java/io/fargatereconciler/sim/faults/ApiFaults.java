package io.fargatereconciler.sim.faults;

import java.time.Duration;

/**
 * Faults of the API itself.
 *
 * @param serverErrorProbability chance (0..1) that an ECS call answers HTTP 500 ServerException instead
 * @param latencyMin             least added latency per call (real-time mode only; virtual time never sleeps)
 * @param latencyMax             most added latency per call
 * @param listTasksLag           how long after RunTask a task first appears in ListTasks (DescribeTasks sees it
 *                               at once), as ECS's eventual consistency does
 */
public record ApiFaults(Double serverErrorProbability, Duration latencyMin, Duration latencyMax,
                        Duration listTasksLag) {

    public ApiFaults {
        serverErrorProbability = Probability.check(serverErrorProbability, "api.serverErrorProbability");
        latencyMin = latencyMin == null ? Duration.ZERO : latencyMin;
        latencyMax = latencyMax == null ? latencyMin : latencyMax;
        listTasksLag = listTasksLag == null ? Duration.ZERO : listTasksLag;
        if (latencyMin.isNegative() || latencyMax.compareTo(latencyMin) < 0 || listTasksLag.isNegative()) {
            throw new IllegalArgumentException("api: need 0 <= latencyMin <= latencyMax and listTasksLag >= 0");
        }
    }

    public static ApiFaults none() {
        return new ApiFaults(null, null, null, null);
    }

    public ApiFaults withListTasksLag(Duration lag) {
        return new ApiFaults(serverErrorProbability, latencyMin, latencyMax, lag);
    }

    public ApiFaults withServerErrorProbability(double probability) {
        return new ApiFaults(probability, latencyMin, latencyMax, listTasksLag);
    }
}
