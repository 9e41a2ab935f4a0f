/// A model's graph, worked out once from its symbolic inputs and outputs as Keras'
/// `_map_graph_network` does: which layers take part, in Keras' listing order, and an execution
/// plan in which every node runs after the nodes it reads from.
struct GraphNetwork {
    /// One node to run: the layer call, the value slots it reads, the slot it writes.
    struct Step {
        let node: Node
        let inputSlots: [Int]
        let outputSlot: Int
        /// Slots read for the last time by this step (freed after it, to keep memory low).
        let lastUses: [Int]
    }

    let inputs: [KerasTensor]
    let outputs: [KerasTensor]
    /// Keras' `model.layers`: by decreasing depth from the outputs, and within one depth in the
    /// order a depth-first walk from the outputs first met them. This puts a convolutional block's
    /// main-path 1×1 convolution and its shortcut convolution side by side, then their batch norms.
    let layers: [Layer]
    /// The nodes that belong to this graph (a shared layer may have others elsewhere).
    let nodes: Set<ObjectIdentifier>
    /// Nodes grouped by depth, deepest (inputs) first: the execution order.
    let steps: [Step]
    let inputSlots: [Int]
    let outputSlots: [Int]
    let slotCount: Int
    /// Keras' test for printing a summary without the "Connected to" column: a chain of
    /// single-input nodes with no shared layer.
    let isSequentialLike: Bool

    init(inputs: [KerasTensor], outputs: [KerasTensor]) throws {
        guard !inputs.isEmpty, !outputs.isEmpty else {
            throw NNError.invalidGraph(message: "a model needs at least one input and one output")
        }
        for input in inputs where !input.node.isInput {
            throw NNError.invalidGraph(
                message: "inputs must come from Input(shape:); \(input) was made by a layer")
        }
        self.inputs = inputs
        self.outputs = outputs

        // Depth-first from the outputs (iteratively: a deep network would overflow the stack):
        // nodes in post-order (inputs first) and layers in the order first met. No cycle is
        // possible: a node's inputs exist before the node.
        var postOrder: [Node] = []
        var layerIndex: [ObjectIdentifier: Int] = [:]
        var orderedLayers: [Layer] = []
        var finished = Set<ObjectIdentifier>()
        func meet(_ layer: Layer) {
            if layerIndex[ObjectIdentifier(layer)] == nil {
                layerIndex[ObjectIdentifier(layer)] = orderedLayers.count
                orderedLayers.append(layer)
            }
        }
        for output in outputs {
            var stack: [(node: Node, next: Int)] = []
            if !finished.contains(ObjectIdentifier(output.node)) {
                meet(output.node.layer)
                stack.append((output.node, 0))
            }
            while let (node, next) = stack.last {
                if next < node.inputs.count {
                    stack[stack.count - 1].next += 1
                    let parent = node.inputs[next].node
                    // A node already on the stack cannot be met again (no cycles), so `finished`
                    // is the only check needed.
                    if finished.contains(ObjectIdentifier(parent)) { continue }
                    meet(parent.layer)
                    stack.append((parent, 0))
                } else {
                    stack.removeLast()
                    finished.insert(ObjectIdentifier(node))
                    postOrder.append(node)
                }
            }
        }

        // Depths: outputs at 0, each node one deeper than its deepest user; a layer's depth is the
        // largest of its nodes' depths.
        var nodeDepth: [ObjectIdentifier: Int] = [:]
        var layerDepth: [ObjectIdentifier: Int] = [:]
        for node in postOrder.reversed() {
            var depth = nodeDepth[ObjectIdentifier(node)] ?? 0
            depth = max(depth, layerDepth[ObjectIdentifier(node.layer)] ?? 0)
            layerDepth[ObjectIdentifier(node.layer)] = depth
            nodeDepth[ObjectIdentifier(node)] = depth
            for input in node.inputs {
                let id = ObjectIdentifier(input.node)
                nodeDepth[id] = max(depth + 1, nodeDepth[id] ?? 0)
            }
        }
        // Inputs the outputs do not depend on still count, at depth 0, listed first.
        for input in inputs where layerDepth[ObjectIdentifier(input.layer)] == nil {
            layerDepth[ObjectIdentifier(input.layer)] = 0
            layerIndex[ObjectIdentifier(input.layer)] = -1
            nodeDepth[ObjectIdentifier(input.node)] = 0
            orderedLayers.append(input.layer)
            postOrder.insert(input.node, at: 0)
        }
        // Every input node reached must be one of the model's inputs.
        let inputNodes = Set(inputs.map { ObjectIdentifier($0.node) })
        for node in postOrder where node.isInput && !inputNodes.contains(ObjectIdentifier(node)) {
            throw NNError.invalidGraph(
                message: "graph disconnected: the outputs depend on '\(node.layer.name)', which is not among the model's inputs")
        }

        layers = orderedLayers.sorted { a, b in
            let (da, db) = (layerDepth[ObjectIdentifier(a)] ?? 0, layerDepth[ObjectIdentifier(b)] ?? 0)
            if da != db { return da > db }
            return (layerIndex[ObjectIdentifier(a)] ?? 0) < (layerIndex[ObjectIdentifier(b)] ?? 0)
        }
        nodes = Set(postOrder.map(ObjectIdentifier.init))

        // Execution plan: nodes by decreasing depth (a node is always deeper than its users), in
        // post-order within a depth so the plan does not depend on hashing.
        let postIndex = Dictionary(uniqueKeysWithValues: postOrder.enumerated().map { (ObjectIdentifier($1), $0) })
        let ordered = postOrder.sorted { a, b in
            let (da, db) = (nodeDepth[ObjectIdentifier(a)] ?? 0, nodeDepth[ObjectIdentifier(b)] ?? 0)
            if da != db { return da > db }
            return (postIndex[ObjectIdentifier(a)] ?? 0) < (postIndex[ObjectIdentifier(b)] ?? 0)
        }
        // Each node has one output here, so a node's slot is its position in `ordered`.
        let slotOf = Dictionary(uniqueKeysWithValues: ordered.enumerated().map { (ObjectIdentifier($1), $0) })
        func slot(_ tensor: KerasTensor) -> Int { slotOf[ObjectIdentifier(tensor.node)] ?? 0 }
        inputSlots = inputs.map(slot)
        outputSlots = outputs.map(slot)
        slotCount = ordered.count

        var lastReader: [Int: Int] = [:]
        for (position, node) in ordered.enumerated() {
            for input in node.inputs { lastReader[slot(input)] = position }
        }
        let kept = Set(outputSlots)
        steps = ordered.enumerated().compactMap { position, node in
            guard !node.isInput else { return nil }
            let reads = node.inputs.map(slot)
            let freed = Set(reads).filter { lastReader[$0] == position && !kept.contains($0) }.sorted()
            return Step(node: node, inputSlots: reads, outputSlot: position, lastUses: freed)
        }

        // Keras' `sequential_like`: one node per depth, each with at most one input, no layer twice.
        var chain = true
        var nodesPerDepth: [Int: Int] = [:]
        for node in ordered {
            nodesPerDepth[nodeDepth[ObjectIdentifier(node)] ?? 0, default: 0] += 1
            if node.inputs.count > 1 { chain = false }
        }
        if nodesPerDepth.values.contains(where: { $0 > 1 }) { chain = false }
        if Set(ordered.map { ObjectIdentifier($0.layer) }).count != ordered.count { chain = false }
        isSequentialLike = chain
    }
}
