import Foundation

/// Draws one synthetic hand sign: a palm, a forearm and five fingers, `raisedFingers` of them
/// raised, on a background, as Float32 RGB pixels in [0, 1].
///
/// The hand is described in its own frame, in units of the palm's width (`u` to the right, `v`
/// down, the palm centred on the origin) and placed in the image by a random rotation, scale,
/// translation and mirror. Shapes are capsules (a segment with a radius) and a rounded box,
/// given as signed distance functions: a pixel's coverage is `clamp(0.5 - distance, 0, 1)` in
/// pixels, which anti-aliases the edges, and a thin darker rim around every finger keeps adjacent
/// fingers apart, so that counting them stays possible at 32×32.
struct HandSignRenderer {
    let imageSize: Int

    /// Fills `pixels` (`imageSize * imageSize * 3` floats, HWC) with a sign showing `label`
    /// raised fingers, every random choice drawn from `random`.
    func draw(label: Int, random: inout SeededRandom, into pixels: UnsafeMutableBufferPointer<Float>) {
        let size = Float(imageSize)
        let pose = Pose(random: &random, imageSize: size)
        let hand = Hand(raised: Self.fingerSet(label: label, random: &random), random: &random)
        let scene = Scene(random: &random)
        let noiseAmplitude = random.nextUniform(0.01, 0.06)

        for y in 0 ..< imageSize {
            for x in 0 ..< imageSize {
                let px = Float(x) + 0.5, py = Float(y) + 0.5
                let local = pose.toHand(px, py)
                var colour = scene.background(px / size, py / size)
                colour = hand.shade(local, pixelsPerUnit: pose.palmWidth, over: colour)
                let base = (y &* imageSize &+ x) &* 3
                for channel in 0 ..< 3 {
                    // Triangular noise (the sum of two uniforms) costs far less than a normal draw
                    // and looks the same at this amplitude.
                    let noise = (random.nextUnitFloat() + random.nextUnitFloat() - 1) * noiseAmplitude
                    pixels[base &+ channel] = min(max(colour[channel] * scene.exposure + noise, 0), 1)
                }
            }
        }
    }

    /// Which fingers are raised for `label` (0 thumb, 1 index, 2 middle, 3 ring, 4 little).
    ///
    /// Most signs use the usual counting hand (index first, thumb last); a quarter use a variant
    /// with the same count (thumb and index for two, say), so that the count and not one
    /// silhouette is what identifies the class.
    static func fingerSet(label: Int, random: inout SeededRandom) -> Set<Int> {
        let usual: [[Int]] = [[], [1], [1, 2], [1, 2, 3], [1, 2, 3, 4], [0, 1, 2, 3, 4]]
        let variant: [[Int]] = [[], [2], [0, 1], [0, 1, 2], [0, 1, 2, 3], [0, 1, 2, 3, 4]]
        let clamped = min(max(label, 0), 5)
        return Set(random.nextUnitFloat() < 0.25 ? variant[clamped] : usual[clamped])
    }
}

// MARK: - Geometry

extension HandSignRenderer {
    /// A 2-D point or vector.
    struct Point {
        var x: Float
        var y: Float

        static func - (a: Point, b: Point) -> Point { Point(x: a.x - b.x, y: a.y - b.y) }
        static func + (a: Point, b: Point) -> Point { Point(x: a.x + b.x, y: a.y + b.y) }
        static func * (a: Point, s: Float) -> Point { Point(x: a.x * s, y: a.y * s) }
        func dot(_ other: Point) -> Float { x * other.x + y * other.y }
        var length: Float { (x * x + y * y).squareRoot() }
    }

    /// A segment from `start` to `end` thickened by `radius`.
    struct Capsule {
        var start: Point
        var end: Point
        var radius: Float

        /// Signed distance from `p` to the outline: negative inside.
        func distance(_ p: Point) -> Float {
            let along = end - start, offset = p - start
            let lengthSquared = max(along.dot(along), 1e-12)
            let t = min(max(offset.dot(along) / lengthSquared, 0), 1)
            return (offset - along * t).length - radius
        }
    }

    /// An axis-aligned box centred at `centre` with rounded corners.
    struct RoundedBox {
        var centre: Point
        var halfWidth: Float
        var halfHeight: Float
        var cornerRadius: Float

        /// Signed distance from `p` to the outline: negative inside.
        func distance(_ p: Point) -> Float {
            let qx = abs(p.x - centre.x) - (halfWidth - cornerRadius)
            let qy = abs(p.y - centre.y) - (halfHeight - cornerRadius)
            let outside = Point(x: max(qx, 0), y: max(qy, 0)).length
            return outside + min(max(qx, qy), 0) - cornerRadius
        }
    }
}

// MARK: - The parts of a picture

extension HandSignRenderer {
    /// Where the hand sits in the image: centre, rotation, size and handedness.
    struct Pose {
        let centre: Point
        let cosine: Float
        let sine: Float
        /// The palm's width in pixels: the hand frame's unit.
        let palmWidth: Float
        let mirrored: Bool

        init(random: inout SeededRandom, imageSize: Float) {
            palmWidth = imageSize * random.nextUniform(0.22, 0.29)
            centre = Point(x: imageSize * (0.5 + random.nextUniform(-0.08, 0.08)),
                           y: imageSize * (0.62 + random.nextUniform(-0.05, 0.05)))
            let angle = random.nextUniform(-0.45, 0.45)
            cosine = cos(angle)
            sine = sin(angle)
            mirrored = random.nextUnitFloat() < 0.5
        }

        /// The pixel `(x, y)` in the hand's frame.
        func toHand(_ x: Float, _ y: Float) -> Point {
            let dx = (x - centre.x) / palmWidth, dy = (y - centre.y) / palmWidth
            let u = cosine * dx + sine * dy
            let v = -sine * dx + cosine * dy
            return Point(x: mirrored ? -u : u, y: v)
        }
    }

    /// The hand in its own frame: shapes and skin.
    struct Hand {
        let palm: RoundedBox
        let forearm: Capsule
        /// The thumb first, then index, middle, ring and little finger.
        let fingers: [Capsule]
        /// Where the shapes can reach, to skip the distance work for background pixels.
        let bounds: (minX: Float, maxX: Float, minY: Float, maxY: Float)
        let skin: SIMD3<Float>
        /// Light falls across the hand along this direction (hand frame), `lightStrength` per unit.
        let light: Point
        let lightStrength: Float
        let sleeve: (colour: SIMD3<Float>, startsAt: Float)?

        init(raised: Set<Int>, random: inout SeededRandom) {
            palm = RoundedBox(centre: Point(x: 0, y: 0), halfWidth: random.nextUniform(0.44, 0.52),
                              halfHeight: random.nextUniform(0.46, 0.56), cornerRadius: random.nextUniform(0.16, 0.28))
            forearm = Capsule(start: Point(x: random.nextUniform(-0.05, 0.05), y: 0.3),
                              end: Point(x: random.nextUniform(-0.5, 0.5), y: 3.5), radius: random.nextUniform(0.32, 0.4))
            let spread = random.nextUniform(0.6, 1.8)
            let baseX: [Float] = [-0.33, -0.11, 0.11, 0.33]
            let tilt: [Float] = [-0.12, -0.03, 0.05, 0.14]
            let length: [Float] = [0.80, 0.90, 0.84, 0.66]
            var shapes: [Capsule] = []
            // The thumb: out to the side when raised, folded across the palm otherwise.
            let thumbRadius = random.nextUniform(0.11, 0.14)
            let thumbBase = Point(x: -0.40, y: random.nextUniform(0.05, 0.2))
            if raised.contains(0) {
                let angle = random.nextUniform(-1.1, -0.6)
                let reach = random.nextUniform(0.6, 0.78)
                shapes.append(Capsule(start: thumbBase, end: thumbBase + Point(x: sin(angle), y: -cos(angle)) * reach,
                                      radius: thumbRadius))
            } else {
                shapes.append(Capsule(start: thumbBase, end: Point(x: random.nextUniform(-0.1, 0.05), y: random.nextUniform(-0.1, 0.05)),
                                      radius: thumbRadius))
            }
            for finger in 0 ..< 4 {
                let base = Point(x: baseX[finger] + random.nextUniform(-0.02, 0.02), y: -0.4)
                let radius = random.nextUniform(0.095, 0.115)
                if raised.contains(finger + 1) {
                    let angle = tilt[finger] * spread + random.nextUniform(-0.06, 0.06)
                    let reach = length[finger] * random.nextUniform(0.9, 1.1)
                    shapes.append(Capsule(start: base, end: base + Point(x: sin(angle), y: -cos(angle)) * reach, radius: radius))
                } else {
                    // A folded finger shows as a knuckle above the palm and a segment curled over it.
                    shapes.append(Capsule(start: base + Point(x: 0, y: -0.1), end: base + Point(x: 0, y: random.nextUniform(0.15, 0.3)),
                                          radius: radius + 0.01))
                }
            }
            fingers = shapes
            var minX = -palm.halfWidth, maxX = palm.halfWidth, minY = -palm.halfHeight, maxY = Float(4)
            for capsule in shapes + [forearm] {
                minX = min(minX, min(capsule.start.x, capsule.end.x) - capsule.radius)
                maxX = max(maxX, max(capsule.start.x, capsule.end.x) + capsule.radius)
                minY = min(minY, min(capsule.start.y, capsule.end.y) - capsule.radius)
                maxY = max(maxY, max(capsule.start.y, capsule.end.y) + capsule.radius)
            }
            bounds = (minX, maxX, minY, maxY)
            // Skin tones between a light and a dark one, each channel jittered a little.
            let tone = random.nextUnitFloat()
            let lightSkin = SIMD3<Float>(0.96, 0.80, 0.70), darkSkin = SIMD3<Float>(0.42, 0.27, 0.19)
            skin = lightSkin + (darkSkin - lightSkin) * tone
                + SIMD3(random.nextUniform(-0.04, 0.04), random.nextUniform(-0.04, 0.04), random.nextUniform(-0.04, 0.04))
            let lightAngle = random.nextUniform(0, 2 * .pi)
            light = Point(x: cos(lightAngle), y: sin(lightAngle))
            lightStrength = random.nextUniform(0, 0.12)
            sleeve = random.nextUnitFloat() < 0.5
                ? (SIMD3(random.nextUnitFloat(), random.nextUnitFloat(), random.nextUnitFloat()), random.nextUniform(1.0, 1.6))
                : nil
        }

        /// The colour at hand-frame point `p` over `background`, with edges anti-aliased over one
        /// pixel (`pixelsPerUnit` converts the frame's distances to pixels).
        func shade(_ p: Point, pixelsPerUnit: Float, over background: SIMD3<Float>) -> SIMD3<Float> {
            let margin = 2 / pixelsPerUnit
            guard p.x > bounds.minX - margin, p.x < bounds.maxX + margin,
                  p.y > bounds.minY - margin, p.y < bounds.maxY + margin else { return background }
            var nearest = min(palm.distance(p), forearm.distance(p))
            // A finger drawn over the palm keeps a darker rim, like the shadow between real fingers.
            var rim: Float = 0
            for finger in fingers {
                let distance = finger.distance(p)
                nearest = min(nearest, distance)
                let depth = -distance * pixelsPerUnit
                if depth > -0.5, depth < 1.2 { rim = max(rim, 1 - abs(depth - 0.35) / 0.85) }
            }
            let coverage = min(max(0.5 - nearest * pixelsPerUnit, 0), 1)
            guard coverage > 0 else { return background }
            var colour = skin * (1 + lightStrength * (p.x * light.x + p.y * light.y))
            if let sleeve, p.y > sleeve.startsAt, forearm.distance(p) < 0.05 {
                colour = sleeve.colour
            }
            colour *= 1 - 0.35 * rim
            return background + (colour - background) * coverage
        }
    }

    /// What surrounds the hand: a background with a gradient and maybe a second surface, and the
    /// photograph's exposure.
    struct Scene {
        let base: SIMD3<Float>
        let gradient: SIMD3<Float>
        let gradientDirection: Point
        /// A table edge or wall: below the line `y = edgeHeight + edgeSlope * x` the colour is `edgeColour`.
        let edge: (height: Float, slope: Float, colour: SIMD3<Float>)?
        let exposure: Float

        init(random: inout SeededRandom) {
            let grey = random.nextUniform(0.35, 0.95)
            base = SIMD3(grey + random.nextUniform(-0.1, 0.1), grey + random.nextUniform(-0.1, 0.1),
                         grey + random.nextUniform(-0.1, 0.1))
            gradient = SIMD3(repeating: random.nextUniform(-0.25, 0.25))
            let angle = random.nextUniform(0, 2 * .pi)
            gradientDirection = Point(x: cos(angle), y: sin(angle))
            edge = random.nextUnitFloat() < 0.35
                ? (random.nextUniform(0.1, 0.9), random.nextUniform(-0.3, 0.3),
                   SIMD3(random.nextUnitFloat(), random.nextUnitFloat(), random.nextUnitFloat()))
                : nil
            exposure = random.nextUniform(0.8, 1.1)
        }

        /// The background at `(x, y)` in [0, 1] image coordinates.
        func background(_ x: Float, _ y: Float) -> SIMD3<Float> {
            if let edge, y > edge.height + edge.slope * (x - 0.5) { return edge.colour }
            return base + gradient * ((x - 0.5) * gradientDirection.x + (y - 0.5) * gradientDirection.y)
        }
    }
}
