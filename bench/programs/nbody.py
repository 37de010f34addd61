"""N-body: a symplectic-Euler simulation of the Sun and the four gas giants.

Measures float arithmetic on locals and list elements, attribute-free inner loops and
tuple unpacking over a precomputed list of body pairs. Size: the number of steps."""

import sys
from math import sqrt

PI = 3.14159265358979323
SOLAR_MASS = 4 * PI * PI
DAYS_PER_YEAR = 365.24


def make_bodies():
    # Position (AU), velocity (AU/day, scaled to AU/year) and mass (solar masses).
    planets = [
        ((4.84143144246472090e00, -1.16032004402742839e00, -1.03622044471123109e-01),
         (1.66007664274403694e-03, 7.69901118419740425e-03, -6.90460016972063023e-05),
         9.54791938424326609e-04),
        ((8.34336671824457987e00, 4.12479856412430479e00, -4.03523417114321381e-01),
         (-2.76742510726862411e-03, 4.99852801234917238e-03, 2.30417297573763929e-05),
         2.85885980666130812e-04),
        ((1.28943695621391310e01, -1.51111514016986312e01, -2.23307578892655734e-01),
         (2.96460137564761618e-03, 2.37847173959480950e-03, -2.96589568540237556e-05),
         4.36624404335156298e-05),
        ((1.53796971148509165e01, -2.59193146099879641e01, 1.79258772950371181e-01),
         (2.68067772490389322e-03, 1.62824170038242295e-03, -9.51592254519715870e-05),
         5.15138902046611451e-05),
    ]
    bodies = [[[0.0, 0.0, 0.0], [0.0, 0.0, 0.0], SOLAR_MASS]]
    for pos, vel, mass in planets:
        bodies.append([list(pos), [v * DAYS_PER_YEAR for v in vel], mass * SOLAR_MASS])
    return bodies


def offset_momentum(bodies):
    px = py = pz = 0.0
    for _, (vx, vy, vz), mass in bodies:
        px += vx * mass
        py += vy * mass
        pz += vz * mass
    sun_velocity = bodies[0][1]
    sun_velocity[0] = -px / SOLAR_MASS
    sun_velocity[1] = -py / SOLAR_MASS
    sun_velocity[2] = -pz / SOLAR_MASS


def energy(bodies):
    total = 0.0
    for i, (pos, vel, mass) in enumerate(bodies):
        total += 0.5 * mass * (vel[0] * vel[0] + vel[1] * vel[1] + vel[2] * vel[2])
        for other_pos, _, other_mass in bodies[i + 1:]:
            dx = pos[0] - other_pos[0]
            dy = pos[1] - other_pos[1]
            dz = pos[2] - other_pos[2]
            total -= mass * other_mass / sqrt(dx * dx + dy * dy + dz * dz)
    return total


def advance(bodies, dt, steps):
    pairs = [(bodies[i], bodies[j]) for i in range(len(bodies)) for j in range(i + 1, len(bodies))]
    for _ in range(steps):
        for (pos1, vel1, m1), (pos2, vel2, m2) in pairs:
            dx = pos1[0] - pos2[0]
            dy = pos1[1] - pos2[1]
            dz = pos1[2] - pos2[2]
            dist2 = dx * dx + dy * dy + dz * dz
            mag = dt / (dist2 * sqrt(dist2))
            b1 = m1 * mag
            b2 = m2 * mag
            vel1[0] -= dx * b2
            vel1[1] -= dy * b2
            vel1[2] -= dz * b2
            vel2[0] += dx * b1
            vel2[1] += dy * b1
            vel2[2] += dz * b1
        for pos, vel, _ in bodies:
            pos[0] += dt * vel[0]
            pos[1] += dt * vel[1]
            pos[2] += dt * vel[2]


def main():
    steps = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    bodies = make_bodies()
    offset_momentum(bodies)
    before = energy(bodies)
    advance(bodies, 0.01, steps)
    print(f"nbody {steps}: energy {before:.9f} -> {energy(bodies):.9f}")


main()
