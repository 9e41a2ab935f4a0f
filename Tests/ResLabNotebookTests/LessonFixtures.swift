/// Lesson texts shared by the notebook tests, written to be checked by eye.
enum LessonFixtures {
    /// An instructor's copy: front matter, prose, a code cell, an exercise with a solution region and
    /// a template region, a second solution region with the placeholder, two public tests, two hints.
    static let instructor = """
    ---
    id: identity-block
    title: The identity block
    order: 3
    objectives:
      - Build the identity block
      - Check its output shape
    plugins: [plots]
    ---
    # The identity block

    The shortcut is *added* before the **ReLU**.

    ```swift
    let x = Tensor(ones: [1, 4, 4, 3])
    ```

    ```swift exercise id=identity-block title="Identity block" points=3
    func identityBlock(_ x: Tensor, f: Int, filters: [Int]) -> Tensor {
        let shortcut = x
        // BEGIN SOLUTION
        // The main path: three convolutions.
        var y = Conv2D(filters: filters[0], kernelSize: 1)(x)
        // END SOLUTION
        // BEGIN TEMPLATE
        // var y = x  // replace with the main path
        // END TEMPLATE
        // BEGIN SOLUTION
        y = Add()([y, shortcut])
        // END SOLUTION
        return Activation(.relu)(y)
    }
    ```

    ```hint exercise=identity-block
    The shortcut is the input `x` itself.
    ```

    ```swift test exercise=identity-block points=1 message="The output shape is wrong"
    expectShape(identityBlock(x, f: 3, filters: [2, 4, 3]), [1, 4, 4, 3])
    ```

    ```hint exercise=identity-block
    Add the shortcut **before** the last ReLU.
    ```

    ```swift test exercise=identity-block id=values points=1 message="Values differ: is the \\"shortcut\\" added?" timeout=5
    expectTrue(true)
    ```

    ```swift optional
    train(epochs: 100)
    ```
    """

    static let hidden = """
    ---
    lesson: identity-block
    ---
    Hidden checks, not for learners.

    ```swift test exercise=identity-block points=1 message="The block must use batch normalization"
    expectTrue(usesBatchNorm)
    ```
    """

    /// A lesson with the given body under a minimal valid front matter (5 lines, so the body
    /// starts on line 6).
    static func lesson(_ body: String) -> String {
        "---\nid: t\ntitle: T\norder: 1\n---\n" + body
    }
}
