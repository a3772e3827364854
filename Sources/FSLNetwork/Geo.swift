import Foundation

/// Great-circle geometry on a spherical Earth.
public enum Geo {
    /// Mean Earth radius in kilometres (IUGG).
    public static let earthRadiusKm = 6371.0088

    /// Haversine great-circle distance in kilometres between two points in degrees.
    public static func distanceKm(latitude1: Double, longitude1: Double, latitude2: Double, longitude2: Double) -> Double {
        let toRadians = Double.pi / 180
        let dLat = (latitude2 - latitude1) * toRadians
        let dLon = (longitude2 - longitude1) * toRadians
        let a = sin(dLat / 2) * sin(dLat / 2)
            + cos(latitude1 * toRadians) * cos(latitude2 * toRadians) * sin(dLon / 2) * sin(dLon / 2)
        return 2 * earthRadiusKm * asin(min(1, a.squareRoot()))
    }
}
