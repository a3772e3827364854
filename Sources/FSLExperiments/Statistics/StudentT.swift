import CGSL
import FSLKernel

/// Quantiles of Student's t distribution, from GSL.
public enum StudentT {
    /// The `probability` quantile of Student's t with `degreesOfFreedom` degrees of freedom
    /// (`gsl_cdf_tdist_Pinv`).
    ///
    /// - Precondition: 0 < probability < 1 and degreesOfFreedom > 0; GSL's error handler is off,
    ///   so arguments are checked here instead.
    public static func quantile(_ probability: Double, degreesOfFreedom: Double) -> Double {
        precondition(probability > 0 && probability < 1, "t quantile needs 0 < p < 1, got \(probability)")
        precondition(degreesOfFreedom > 0, "t quantile needs positive degrees of freedom, got \(degreesOfFreedom)")
        GSLRuntime.prepare()
        return gsl_cdf_tdist_Pinv(probability, degreesOfFreedom)
    }

    /// The two-sided critical value t(1 − α/2, df) for a confidence level 1 − α, such as
    /// 2.262157 for 95% and 9 degrees of freedom.
    ///
    /// - Precondition: 0 < confidenceLevel < 1 and degreesOfFreedom > 0.
    public static func criticalValue(confidenceLevel: Double, degreesOfFreedom: Int) -> Double {
        precondition(confidenceLevel > 0 && confidenceLevel < 1,
                     "confidence level must be in (0, 1), got \(confidenceLevel)")
        return quantile(0.5 + confidenceLevel / 2, degreesOfFreedom: Double(degreesOfFreedom))
    }
}
