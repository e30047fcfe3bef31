package io.fargatereconciler.sim.http;

/** An error of a query-protocol service (EC2 or SNS): code, message, HTTP status, and whether the caller is at fault. */
public final class QueryError extends RuntimeException {
    private final String code;
    private final int status;

    public QueryError(String code, String message, int status) {
        super(message, null, false, false);
        this.code = code;
        this.status = status;
    }

    public static QueryError badRequest(String code, String message) {
        return new QueryError(code, message, 400);
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    public boolean senderFault() {
        return status < 500;
    }
}
